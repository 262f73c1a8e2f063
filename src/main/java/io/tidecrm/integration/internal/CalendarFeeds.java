package io.tidecrm.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret address of each user's calendar feed. Only its hash is stored: the address is shown
 * once, when it is made; making a new one replaces it, and the old address stops working at once.
 */
@Service
@Transactional
class CalendarFeeds {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new secret for the user's feed (the old one, if any, no longer opens it). */
    String regenerate(long userId) {
        String secret = Secrets.generate("cal_");
        jdbc.sql("""
                INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
                """).params(userId, Secrets.hash(secret), Timestamp.from(clock.instant())).update();
        return secret;
    }

    void remove(long userId) {
        jdbc.sql("DELETE FROM calendar_feed WHERE user_id = ?").param(userId).update();
    }

    @Transactional(readOnly = true)
    boolean exists(long userId) {
        return jdbc.sql("SELECT count(*) FROM calendar_feed WHERE user_id = ?").param(userId).query(Integer.class)
                .single() > 0;
    }

    /** The user whose feed this secret opens. */
    @Transactional(readOnly = true)
    Optional<Long> userOf(String secret) {
        return jdbc.sql("SELECT user_id FROM calendar_feed WHERE token_hash = ?").param(Secrets.hash(secret))
                .query(Long.class).optional();
    }
}
