package io.tidecrm.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the registry for the administrators' page. */
@Component
@Transactional(readOnly = true)
class EventPublications {

    /** The page lists this many, oldest first; "retry all" covers every one. */
    static final int LIMIT = 200;

    private final JdbcClient jdbc;
    private final EventsProperties properties;
    private final Clock clock;

    EventPublications(JdbcClient jdbc, EventsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    record Counts(long incomplete, long failed) {
    }

    Counts counts() {
        return jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE status = 'FAILED')
                FROM event_publication WHERE completion_date IS NULL
                """)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    boolean isIncomplete(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM event_publication WHERE id = ? AND completion_date IS NULL)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** The oldest incomplete publications with their last error, in one statement. */
    List<PublicationView> incomplete() {
        Instant cutoff = clock.instant().minus(properties.resubmitAfter());
        return jdbc.sql("""
                SELECT p.id, p.listener_id, p.event_type, p.publication_date, p.status, p.completion_attempts,
                       p.last_resubmission_date, f.error, f.failed_at,
                       (p.status = 'FAILED' OR coalesce(p.last_resubmission_date, p.publication_date) < :cutoff)
                           AS retryable
                FROM event_publication p LEFT JOIN event_failure f ON f.publication_id = p.id
                WHERE p.completion_date IS NULL
                ORDER BY p.publication_date, p.id
                LIMIT :limit
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", LIMIT)
                .query(this::view)
                .list();
    }

    private PublicationView view(ResultSet rs, int row) throws SQLException {
        return new PublicationView(rs.getObject("id", UUID.class), rs.getString("listener_id"),
                rs.getString("event_type"), instant(rs, "publication_date"), rs.getString("status"),
                rs.getInt("completion_attempts"), instant(rs, "last_resubmission_date"), rs.getString("error"),
                instant(rs, "failed_at"), rs.getBoolean("retryable"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
