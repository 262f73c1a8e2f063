package io.tidecrm.customer.internal;

import io.tidecrm.support.ListQuery;

/**
 * The contact list's search and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param q a part of the name, or a whole mobile number
 * @param cursor the page position: an id cursor, newest first
 */
record ContactListQuery(String q, String cursor) implements ListQuery {
}
