package io.tidecrm.fieldwork;

import java.time.LocalDate;

/**
 * Where the reports' figures come from when another module keeps them (issue 16: "from the
 * leaderboard ledger if it exists"). The report module owns the ledger and depends on this
 * module, so the dependency is turned round here: report implements this port, and field work,
 * finding no implementation, counts from its own facts.
 */
public interface DayFigureSource {

    /** The user's figures over the business days {@code from} to {@code until}, both included. */
    DayFigures figures(long userId, LocalDate from, LocalDate until);
}
