package io.tidecrm.sales.internal;

import java.time.YearMonth;

import io.tidecrm.support.ListQuery;

/**
 * The opportunity list's filters and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param owner only for managers and administrators (ignored for reps)
 * @param month the expected close month, {@code 2030-03}
 * @param cursor the page position: an id cursor, newest first
 */
public record OpportunityListQuery(Stage stage, Long owner, YearMonth month, String cursor) implements ListQuery {

    OpportunityListQuery withoutOwner() {
        return new OpportunityListQuery(stage, null, month, cursor);
    }
}
