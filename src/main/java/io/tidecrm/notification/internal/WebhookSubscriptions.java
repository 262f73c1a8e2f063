package io.tidecrm.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrators' webhook subscriptions. */
@Repository
class WebhookSubscriptions {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Subscription(long id, String name, String url, List<WebhookEvent> events, boolean active, Instant createdAt) {
    }

    long create(WebhookSubscriptionForm form) {
        return jdbc.sql("""
                INSERT INTO webhook_subscription (name, url, secret, events, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """).params(form.name().strip(), form.url().strip(), form.secret(),
                form.events().stream().distinct().map(Enum::name).toArray(String[]::new),
                Timestamp.from(clock.instant())).query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update() > 0;
    }

    boolean setActive(long id, boolean active) {
        return jdbc.sql("UPDATE webhook_subscription SET active = ?, version = version + 1 WHERE id = ?")
                .params(active, id).update() > 0;
    }

    List<Subscription> list() {
        return jdbc.sql("SELECT id, name, url, events, active, created_at FROM webhook_subscription ORDER BY id")
                .query((rs, n) -> new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Arrays.stream((String[]) rs.getArray(4).getArray()).map(WebhookEvent::valueOf).toList(),
                        rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The active subscriptions to an event, as delivery targets. */
    List<WebhookDeliveries.Target> subscribedTo(WebhookEvent event) {
        return jdbc.sql("SELECT id, url FROM webhook_subscription WHERE active AND ? = ANY(events) ORDER BY id")
                .param(event.name())
                .query((rs, n) -> WebhookDeliveries.Target.subscription(rs.getLong(1), rs.getString(2))).list();
    }

    java.util.Optional<WebhookDeliveries.Target> target(long id) {
        return jdbc.sql("SELECT id, url FROM webhook_subscription WHERE id = ?").param(id)
                .query((rs, n) -> WebhookDeliveries.Target.subscription(rs.getLong(1), rs.getString(2))).optional();
    }
}
