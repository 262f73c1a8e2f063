package io.tidecrm.service;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket's due time passed without being met: escalated once per ticket, due time and target
 * to the owner's managers (the administrators when the owner has none), and the owner is told.
 *
 * @param target {@code FIRST_RESPONSE} or {@code RESOLUTION}
 * @param managerIds who the ticket is escalated to, never the owner
 */
public record TicketEscalated(long ticketId, String title, String customerName, long ownerId, String ownerName,
        Set<Long> managerIds, String target, Instant dueAt, Instant escalatedAt) {
}
