package io.tidecrm.service;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manager or administrator gave a ticket to another user, with a reason; the new owner is told
 * (inbox). The owners and the new owner's team are as at that moment.
 */
public record TicketAssigned(long ticketId, String title, long customerId, long previousOwnerId, long newOwnerId,
        Long newOwnerTeamId, long assignedById, String assignedByName, String reason, Instant occurredAt,
        LocalDate businessDate) {
}
