package io.tidecrm.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.tidecrm.support.KeysetPage;
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

    /** Entries that match the filter, newest first, one page from the filter's key on. */
    @Transactional(readOnly = true)
    KeysetPage<AuditEntry> search(AuditFilter filter) {
        ZoneId zone = clock.getZone();
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor_id, actor_name, kind, subject, details, client_address
                FROM audit_event WHERE true
                """);
        Map<String, Object> params = new HashMap<>();
        filter.kindValue().ifPresent(kind -> {
            sql.append(" AND kind = :kind");
            params.put("kind", kind);
        });
        filter.actorValue().ifPresent(actor -> {
            sql.append(" AND lower(actor_name) = lower(:actor)");
            params.put("actor", actor);
        });
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.before() != null) {
            // The key is an id; the order is by time, so compare (time, id) with that entry's.
            sql.append(" AND (occurred_at, id) < (SELECT occurred_at, id FROM audit_event WHERE id = :before)");
            params.put("before", filter.before());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        params.put("limit", PAGE_SIZE + 1);
        return KeysetPage.of(jdbc.sql(sql.toString()).params(params).query((rs, row) -> entry(rs, zone)).list(),
                PAGE_SIZE, AuditEntry::id);
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
