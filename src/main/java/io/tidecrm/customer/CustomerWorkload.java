package io.tidecrm.customer;

import io.tidecrm.identity.CurrentUser;

/** What the viewer's customers ask of them today, counted in one statement, for the home pages. */
public interface CustomerWorkload {

    /**
     * @param dueToday customers whose next follow-up is today
     * @param overdue customers whose next follow-up has passed
     * @param idle7 owned, not won, not followed up for 7 days or more (idle15, idle30, idle90 likewise)
     */
    /**
     * @param nearPool the rep's own customers whose pool deadline is within the warning lead (shown red in
     *        the list, first in its stalest-first sort); null for managers and administrators
     */
    record Counts(long dueToday, long overdue, long idle7, long idle15, long idle30, long idle90, Long nearPool) {
    }

    /** The counts over the customers in the viewer's scope; each matches a filter of the customer list. */
    Counts counts(CurrentUser viewer);
}
