package io.tidecrm.customer;

import io.tidecrm.identity.CurrentUser;

/** What the viewer's customers ask of them today, counted in one statement, for the home pages. */
public interface CustomerWorkload {

    /**
     * @param dueToday customers whose next follow-up is today
     * @param overdue customers whose next follow-up has passed
     * @param idle7 owned, not won, not followed up for 7 days or more (idle15, idle30, idle90 likewise)
     */
    record Counts(long dueToday, long overdue, long idle7, long idle15, long idle30, long idle90) {
    }

    /** The counts over the customers in the viewer's scope; each matches a filter of the customer list. */
    Counts counts(CurrentUser viewer);
}
