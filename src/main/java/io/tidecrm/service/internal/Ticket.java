package io.tidecrm.service.internal;

import java.time.Instant;

/** A ticket as stored (read with plain SQL; every change is a conditional update). */
public record Ticket(long id, long customerId, Long contactId, TicketKind kind, TicketChannel channel,
        TicketCategory category, TicketPriority priority, String title, String description, TicketStatus status,
        long ownerId, long createdById, Instant createdAt, Instant firstResponseDue, Instant resolutionDue,
        Instant firstRespondedAt, Instant resolvedAt, String resolution, Instant closedAt, Integer satisfaction,
        Instant updatedAt, long version) {

    static final String COLUMNS = """
            t.id, t.customer_id, t.contact_id, t.kind, t.channel, t.category, t.priority, t.title, t.description,
            t.status, t.owner_id, t.created_by_id, t.created_at, t.first_response_due, t.resolution_due,
            t.first_responded_at, t.resolved_at, t.resolution, t.closed_at, t.satisfaction, t.updated_at, t.version""";

    static Ticket of(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Ticket(rs.getLong("id"), rs.getLong("customer_id"), (Long) rs.getObject("contact_id"),
                TicketKind.valueOf(rs.getString("kind")), TicketChannel.valueOf(rs.getString("channel")),
                TicketCategory.valueOf(rs.getString("category")), TicketPriority.valueOf(rs.getString("priority")),
                rs.getString("title"), rs.getString("description"), TicketStatus.valueOf(rs.getString("status")),
                rs.getLong("owner_id"), rs.getLong("created_by_id"), instant(rs, "created_at"),
                instant(rs, "first_response_due"), instant(rs, "resolution_due"), instant(rs, "first_responded_at"),
                instant(rs, "resolved_at"), rs.getString("resolution"), instant(rs, "closed_at"),
                (Integer) rs.getObject("satisfaction", Integer.class), instant(rs, "updated_at"), rs.getLong("version"));
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The first response is late: not given by its due time (or given after it). */
    boolean firstResponseLate(Instant now) {
        return firstRespondedAt == null ? now.isAfter(firstResponseDue) : firstRespondedAt.isAfter(firstResponseDue);
    }

    /** The resolution is late: not resolved by its due time (or resolved after it). */
    boolean resolutionLate(Instant now) {
        return resolvedAt == null ? now.isAfter(resolutionDue) : resolvedAt.isAfter(resolutionDue);
    }
}
