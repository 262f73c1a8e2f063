package io.tidecrm.followup.internal;

import io.tidecrm.support.ListQuery;

/**
 * The page position of a customer's timeline ("load more"), bound like a list's (see {@link ListQuery}).
 *
 * @param cursor an id cursor, newest first
 */
record TimelineQuery(String cursor) implements ListQuery {
}
