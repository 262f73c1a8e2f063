package io.tidecrm.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit table and reads it. There is no update or delete here, and the table's
 * trigger would refuse one.
 */
@Repository
class AuditLog {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends one entry in the caller's transaction (or on its own when there is none). The
     * client address is the current request's, when there is one.
     */
    @Transactional
    void append(AuditKind kind, Instant occurredAt, Long actorId, String actorName, String subject, String details) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor_id, actor_name, kind, subject, details, client_address)
                VALUES (:occurredAt, :actorId, :actorName, :kind, :subject, :details, :clientAddress)
                """)
                .param("occurredAt", Timestamp.from(occurredAt == null ? clock.instant() : occurredAt))
                .param("actorId", actorId)
                .param("actorName", clean(actorName, 50))
                .param("kind", kind.name())
                .param("subject", clean(subject, 300))
                .param("details", clean(details, 4000))
                .param("clientAddress", clean(clientAddress(), 64))
                .update();
    }

    /** Entries that match the filter, newest first, one page from the filter's cursor on. */
    @Transactional(readOnly = true)
    KeysetPage<AuditEntry> search(AuditFilter filter) {
        ZoneId zone = clock.getZone();
        Where where = new Where()
                .addIf("kind = :kind", "kind", filter.kind())
                .addIf("lower(actor_name) = lower(:actor)", "actor", filter.actor())
                .addIf("occurred_at >= :from", "from", filter.from(),
                        day -> Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .addIf("occurred_at < :to", "to", filter.to(),
                        day -> Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                // The cursor is an id; the order is by time, so compare (time, id) with that entry's.
                .addIf("(occurred_at, id) < (SELECT occurred_at, id FROM audit_event WHERE id = :cursor)", "cursor",
                        KeysetOrder.idOf(filter.cursor()))
                .bind("limit", PAGE_SIZE + 1);
        return KeysetPage.of(jdbc.sql("""
                SELECT id, occurred_at, actor_id, actor_name, kind, subject, details, client_address
                FROM audit_event WHERE %s ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """.formatted(where.sql()))
                .params(where.params())
                .query((rs, row) -> entry(rs, zone))
                .list(), PAGE_SIZE, AuditEntry::id);
    }

    private static AuditEntry entry(ResultSet rs, ZoneId zone) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(zone),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("kind"),
                rs.getString("subject"), rs.getString("details"), rs.getString("client_address"));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /**
     * Text as PostgreSQL takes it and the column holds it: no NUL or other control characters
     * (a typed name is the user's input), at most {@code max} characters, whole code points.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = text.codePoints()
                .map(c -> Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (cleaned.codePointCount(0, cleaned.length()) <= max) {
            return cleaned;
        }
        return cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
    }
}
