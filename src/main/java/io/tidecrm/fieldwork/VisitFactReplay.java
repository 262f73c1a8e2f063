package io.tidecrm.fieldwork;

import java.time.LocalDate;
import java.util.List;

/**
 * The check-ins of the past, rebuilt from the visits: for a read model built or checked after
 * the facts were published (the leaderboard's rebuild). The user's team is their team now.
 */
public interface VisitFactReplay {

    /** Check-ins made on the business days of the range, oldest first. */
    List<VisitCheckedIn> checkedIn(LocalDate from, LocalDate to);
}
