package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The website form's rate limit per client address: a counter per address and hour in the
 * database (one statement, so two nodes behind a load balancer share it), counted before the
 * submission is looked at, so that a refused flood costs one row update each.
 */
@Component
class PublicFormThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    PublicFormThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a submission from the address; whether it is within the limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean allow(String address, int perHour) {
        Instant now = clock.instant();
        int count = jdbc.sql("""
                INSERT INTO lead_form_throttle (address, window_started_at, submissions) VALUES (:address, :now, 1)
                ON CONFLICT (address) DO UPDATE SET
                    submissions = CASE WHEN lead_form_throttle.window_started_at < :windowStart THEN 1
                                       ELSE lead_form_throttle.submissions + 1 END,
                    window_started_at = CASE WHEN lead_form_throttle.window_started_at < :windowStart THEN :now
                                             ELSE lead_form_throttle.window_started_at END
                RETURNING submissions
                """)
                .param("address", address.length() > 64 ? address.substring(0, 64) : address)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .query(Integer.class)
                .single();
        return count <= perHour;
    }
}
