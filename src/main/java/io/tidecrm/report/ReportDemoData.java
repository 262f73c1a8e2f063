package io.tidecrm.report;

import java.time.LocalDate;

/** The leaderboard of the demo data: built from the facts the other modules' demo data stand for. */
public interface ReportDemoData {

    /**
     * In the caller's transaction, after the other modules seeded theirs: fills the ledger from
     * their replayed facts since {@code from}, rolls up the days before today, and sets this and
     * last month's targets of the reps and teams.
     */
    void seed(LocalDate from);
}
