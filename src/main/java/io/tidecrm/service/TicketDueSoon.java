package io.tidecrm.service;

import java.time.Instant;

/**
 * A ticket's due time is near and not met yet: its owner is reminded once per ticket, due time
 * and target.
 *
 * @param target {@code FIRST_RESPONSE} or {@code RESOLUTION}
 */
public record TicketDueSoon(long ticketId, String title, String customerName, long ownerId, String target,
        Instant dueAt, Instant remindedAt) {
}
