package io.tidecrm.service.internal;

import java.time.Instant;

/** One ticket in a list or on the customer page. */
public record TicketRow(long id, String title, long customerId, String customerName, TicketKind kind,
        TicketPriority priority, TicketCategory category, TicketStatus status, long ownerId, String ownerName,
        Instant createdAt, Instant firstResponseDue, Instant resolutionDue, Instant firstRespondedAt,
        Instant resolvedAt, boolean overdue) {

    TicketRow withOwnerName(String name) {
        return new TicketRow(id, title, customerId, customerName, kind, priority, category, status, ownerId, name,
                createdAt, firstResponseDue, resolutionDue, firstRespondedAt, resolvedAt, overdue);
    }

    /** The due time that matters now: the first response until it is given, then the resolution. */
    public Instant nextDue() {
        return firstRespondedAt == null && resolvedAt == null ? firstResponseDue : resolutionDue;
    }
}
