package io.tidecrm.fieldwork;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A user checked in at a customer on a visit: published in the transaction of the check-in and
 * delivered after commit, for read models such as the leaderboard's visit board. Carries the
 * user's team at that moment and the business date, so that a listener never reads the visit
 * tables.
 *
 * @param userId who checked in (the visit's owner)
 * @param teamId their team at the moment of the check-in, or null
 * @param occurredAt the server's time of the check-in
 * @param businessDate the day of {@code occurredAt} in the business zone
 * @param flagged whether the check-in was flagged (beyond the radius, or without a usable location)
 */
public record VisitCheckedIn(long visitId, long userId, Long teamId, long customerId, Instant occurredAt,
        LocalDate businessDate, boolean flagged) {
}
