package io.tidecrm.contract;

import java.math.BigDecimal;

import io.tidecrm.identity.CurrentUser;

/** What the viewer's contracts ask of them, for the home pages; each count matches a contract page. */
public interface ContractWorkload {

    /**
     * @param awaitingDecision submitted contracts the viewer may decide (the approvals page)
     * @param mySubmitted the viewer's own contracts waiting for a decision (the list, filtered by approval state)
     * @param overdueInstalments overdue instalments in the viewer's scope, and what is outstanding on them
     * @param dueThisWeek instalments in the viewer's scope due within 7 days, the overdue ones included (the
     *        instalments-due page's first window), and what is outstanding on them
     */
    record Counts(long awaitingDecision, long mySubmitted, long overdueInstalments, BigDecimal overdueOutstanding,
            long dueThisWeek, BigDecimal dueThisWeekOutstanding) {
    }

    Counts counts(CurrentUser viewer);
}
