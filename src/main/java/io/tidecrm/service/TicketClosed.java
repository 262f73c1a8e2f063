package io.tidecrm.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A resolved ticket was closed with the customer's satisfaction (1–5), credited to its owner and
 * their team at that moment on the business date of the closing (average satisfaction per rep
 * and team).
 */
public record TicketClosed(long ticketId, String title, long customerId, String kind, long ownerId,
        Long ownerTeamId, long closedById, int satisfaction, Instant occurredAt, LocalDate businessDate) {
}
