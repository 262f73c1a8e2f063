package io.tidecrm.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.tidecrm.notification.WebhookDemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link WebhookDemoData}. */
@Component
class WebhookDemoSeeder implements WebhookDemoData {

    private static final String URL = "https://example.com/hooks/tidecrm";

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookDemoSeeder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int seed() {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO webhook_subscription (name, url, secret, events, active, created_at)
                VALUES ('ERP 同步', ?, 'demo-secret-0123456789', ARRAY['FOLLOW_UP_RECORDED', 'CONTRACT_APPROVED',
                        'PAYMENT_RECORDED'], false, ?) RETURNING id
                """).params(URL, Timestamp.from(now.minus(Duration.ofDays(30)))).query(Long.class).single();
        int rows = 0;
        rows += log(id, "ping.demo", "ping", "DELIVERED", 1, 200, null, now.minus(Duration.ofDays(30)));
        rows += log(id, "contract.demo.approved", "contract.approved", "DELIVERED", 1, 200, null,
                now.minus(Duration.ofDays(6)));
        rows += log(id, "payment.demo", "payment.recorded", "DELIVERED", 2, 200, null, now.minus(Duration.ofDays(2)));
        rows += log(id, "followup.demo", "followup.recorded", "FAILED", 1, 500, "HTTP 500", now.minus(Duration.ofHours(1)));
        return rows;
    }

    private int log(long subscription, String key, String type, String status, int attempts, Integer code,
            String error, Instant at) {
        return jdbc.sql("""
                INSERT INTO webhook_delivery (target, subscription_id, event_key, event_type, url, payload, status,
                                              attempts, response_code, error, created_at, last_attempt_at,
                                              next_attempt_at)
                VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)
                """).params("sub:" + subscription, subscription, key, type, URL, status, attempts, code, error,
                Timestamp.from(at), Timestamp.from(at), Timestamp.from(at.plus(Duration.ofMinutes(1)))).update();
    }
}
