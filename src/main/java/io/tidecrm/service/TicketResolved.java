package io.tidecrm.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket was resolved. Credited to the owner who resolved it and their team at that moment, on
 * the business date of the resolution (the leaderboard's and the service report's on-time rate).
 *
 * @param kind {@code COMPLAINT} or {@code REQUEST}
 * @param firstResponseOnTime whether the first response came by its due time
 * @param resolutionOnTime whether it was resolved by its due time
 */
public record TicketResolved(long ticketId, String title, long customerId, String kind, long ownerId,
        Long ownerTeamId, long resolvedById, boolean firstResponseOnTime, boolean resolutionOnTime,
        Instant occurredAt, LocalDate businessDate) {
}
