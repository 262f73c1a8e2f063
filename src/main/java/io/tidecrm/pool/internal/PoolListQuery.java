package io.tidecrm.pool.internal;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.support.ListQuery;

/**
 * The pool page's filters and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param q a part of the name
 * @param cursor the page position: an id cursor, newest first
 */
record PoolListQuery(CustomerType type, String q, String cursor) implements ListQuery {
}
