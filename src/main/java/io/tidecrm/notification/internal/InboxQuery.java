package io.tidecrm.notification.internal;

import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.ListQuery;

/**
 * The inbox's page position, bound leniently from the URL like every list (see {@link ListQuery}):
 * {@code ?cursor=} (or the old {@code ?before=}) that is not an id is ignored, never a 400.
 *
 * @param cursor the id of the last notification shown (newest first)
 */
record InboxQuery(String cursor) implements ListQuery {

    /** The id to page from, or null for the first page when there is none or it is not an id. */
    Long before() {
        return KeysetOrder.idOf(cursor);
    }
}
