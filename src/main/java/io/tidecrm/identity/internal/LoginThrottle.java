package io.tidecrm.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per key in the database, so that every app node sees the same
 * count. The key is the folded name that was typed, whether or not such a user exists, so
 * that the throttle does not tell an attacker which names are real.
 */
@Component
class LoginThrottle {

    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, LoginProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    static String addressKey(String address) {
        String key = "a:" + (address == null ? "" : address);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    static String userKey(String username) {
        String folded = "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        return folded.length() > MAX_KEY_LENGTH ? folded.substring(0, MAX_KEY_LENGTH) : folded;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean isLocked(String key) {
        return jdbc.sql("SELECT 1 FROM login_throttle WHERE throttle_key = ? AND locked_until > ?")
                .params(key, Timestamp.from(clock.instant()))
                .query()
                .optionalValue()
                .isPresent();
    }

    /**
     * Records one failure and answers whether the key is now locked. One statement, so two
     * concurrent failures cannot both read the same count.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String key) {
        return recordFailure(key, properties.maxFailures());
    }

    /** As {@link #recordFailure(String)}, with a threshold of its own (the per-address one). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String key, int maxFailures) {
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(properties.failureWindow()));
        Timestamp lockUntil = Timestamp.from(now.plus(properties.lockDuration()));
        Timestamp lockedUntil = jdbc.sql("""
                INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at, locked_until)
                VALUES (:key, 1, :now, CASE WHEN 1 >= :max THEN CAST(:lockUntil AS timestamptz) END)
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now
                                    THEN 1 ELSE t.failures + 1 END,
                    window_started_at = CASE WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now
                                    THEN :now ELSE t.window_started_at END,
                    locked_until = CASE
                        WHEN t.locked_until > :now THEN t.locked_until
                        WHEN (CASE WHEN t.window_started_at <= :windowStart OR t.locked_until <= :now
                                   THEN 1 ELSE t.failures + 1 END) >= :max THEN CAST(:lockUntil AS timestamptz)
                        ELSE NULL END
                RETURNING locked_until
                """)
                .param("key", key)
                .param("now", nowTs)
                .param("windowStart", windowStart)
                .param("lockUntil", lockUntil)
                .param("max", maxFailures)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reset(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
    }
}
