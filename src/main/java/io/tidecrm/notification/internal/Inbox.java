package io.tidecrm.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.tidecrm.notification.NotificationManagement;
import io.tidecrm.support.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the inbox with plain SQL: a fact that concerns many readers is one
 * {@code INSERT ... SELECT}, and every read is scoped to the reader in the statement itself.
 */
@Service
@Transactional
class Inbox implements NotificationManagement {

    static final int PAGE_SIZE = 20;

    private static final String COLUMNS = "id, kind, message_key, message_args, link, created_at, read_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Inbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One notification for each recipient, in one statement, in the caller's transaction.
     *
     * @param link a path inside the application such as {@code /customers/42}
     */
    void notify(Collection<Long> recipients, NotificationKind kind, String messageKey, List<String> args,
            String link, Instant createdAt) {
        Long[] ids = recipients.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\"))) {
            throw new IllegalArgumentException("A notification links inside the application: " + link);
        }
        jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, message_key, message_args, link, created_at)
                SELECT r, :kind, :key, :args, :link, :createdAt FROM unnest(CAST(:ids AS bigint[])) AS r
                """)
                .param("ids", ids)
                .param("kind", kind.name())
                .param("key", messageKey)
                .param("args", json.writeValueAsString(args.stream().map(a -> Objects.toString(a, "")).toList()))
                .param("link", link)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /**
     * One notification per recipient with arguments of its own (e.g. a count per owner), in one
     * statement however many recipients there are.
     */
    void notifyEach(Map<Long, List<String>> argsByRecipient, NotificationKind kind, String messageKey, String link,
            Instant createdAt) {
        if (argsByRecipient.isEmpty()) {
            return;
        }
        Long[] ids = argsByRecipient.keySet().toArray(Long[]::new);
        String[] args = java.util.Arrays.stream(ids).map(id -> json.writeValueAsString(argsByRecipient.get(id)))
                .toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, message_key, message_args, link, created_at)
                SELECT r, :kind, :key, a, :link, :createdAt
                FROM unnest(CAST(:ids AS bigint[]), CAST(:args AS text[])) AS t(r, a)
                """)
                .param("ids", ids)
                .param("args", args)
                .param("kind", kind.name())
                .param("key", messageKey)
                .param("link", link)
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND read_at IS NULL")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** A page of the reader's inbox, newest first, older than {@code before} when it is given. */
    @Transactional(readOnly = true)
    KeysetPage<NotificationView> page(long userId, Long before) {
        return KeysetPage.of(jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification WHERE recipient_id = :me AND id < :before ORDER BY id DESC LIMIT :limit
                """)
                .param("me", userId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", PAGE_SIZE + 1)
                .query(this::view)
                .list(), PAGE_SIZE, NotificationView::id);
    }

    /** The id of the reader's newest notification, or null when the inbox is empty. */
    @Transactional(readOnly = true)
    Long newestId(long userId) {
        return jdbc.sql("SELECT max(id) FROM notification WHERE recipient_id = ?")
                .param(userId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Marks one of the reader's own notifications read; empty when it is not theirs or does not exist. */
    Optional<NotificationView> markRead(long userId, long id) {
        return jdbc.sql("UPDATE notification SET read_at = coalesce(read_at, :now) WHERE id = :id AND recipient_id = :me"
                + " RETURNING " + COLUMNS)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("me", userId)
                .query(this::view)
                .optional();
    }

    /**
     * Marks the reader's unread notifications read, up to the newest one the page showed
     * (when given), so that one that arrived meanwhile stays unread.
     *
     * @return how many were marked
     */
    int markAllRead(long userId, Long upTo) {
        return jdbc.sql("""
                UPDATE notification SET read_at = :now
                WHERE recipient_id = :me AND read_at IS NULL AND id <= :upTo
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("me", userId)
                .param("upTo", upTo == null ? Long.MAX_VALUE : upTo)
                .update();
    }

    private NotificationView view(ResultSet rs, int row) throws SQLException {
        return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("message_key"),
                Arrays.asList(json.readValue(rs.getString("message_args"), String[].class)), rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()),
                rs.getObject("read_at", OffsetDateTime.class) != null);
    }
}
