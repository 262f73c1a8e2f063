package io.tidecrm.notification.internal;

import static io.tidecrm.support.SqlValues.instant;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * The one delivery machinery of outgoing HTTP: administrators' webhook subscriptions and the
 * teams' group robots. Every delivery is a row of the delivery log, one per (target, event), so
 * that a listener that runs again (a resubmission after a failure or a restart) never sends what
 * was delivered. A delivery that fails is retried with back-off ({@link #backoff}) until it is
 * delivered or has failed {@value #MAX_ATTEMPTS} times (then it is abandoned, and stays in the log).
 *
 * <p>Callers are after-commit listeners ({@code @ApplicationModuleListener}): while a delivery is
 * still owed, {@link #deliver} throws, so that the event publication registry keeps the publication
 * incomplete and the events module's resubmission sweep (every few minutes, and at start-up) calls
 * the listener again; a delivery whose back-off has not run out is then left for a later sweep.
 */
@Service
class WebhookDeliveries {

    static final int MAX_ATTEMPTS = 10;
    static final int PAGE_SIZE = 50;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("d.id");
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final JdbcClient jdbc;
    private final RestClient http;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, RobotClient client, Clock clock) {
        this.jdbc = jdbc;
        this.http = client.http();
        this.clock = clock;
    }

    /** Where a delivery goes: {@code sub:<id>} (a subscription) or {@code team:<id>} (a team's group robot). */
    record Target(String name, Long subscriptionId, String url) {

        static Target subscription(long id, String url) {
            return new Target("sub:" + id, id, url);
        }

        static Target robot(long teamId, String url) {
            return new Target("team:" + teamId, null, url);
        }
    }

    /** One row of the delivery log. */
    record Delivery(long id, String target, String eventKey, String eventType, String url, String status, int attempts,
            Integer responseCode, String error, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt) {
    }

    /** Some delivery of an event is still owed: the listener's publication must stay incomplete. */
    static class NotDeliveredException extends RuntimeException {

        NotDeliveredException(String message) {
            super(message);
        }
    }

    /**
     * Records the event's delivery to each target (once), sends those that are due, and throws
     * {@link NotDeliveredException} while any of them is still owed.
     */
    void deliver(List<Target> targets, String eventKey, String eventType, String payload) {
        Instant now = clock.instant();
        for (Target t : targets) {
            jdbc.sql("""
                    INSERT INTO webhook_delivery (target, subscription_id, event_key, event_type, url, payload, status,
                                                  created_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                    ON CONFLICT (target, event_key) DO NOTHING
                    """).params(t.name(), t.subscriptionId(), eventKey, eventType, t.url(), payload,
                    Timestamp.from(now), Timestamp.from(now)).update();
        }
        int owed = 0;
        String lastError = null;
        for (Delivery d : owed(eventKey)) {
            if (!d.nextAttemptAt().isAfter(clock.instant())) {
                String error = attempt(d);
                if (error == null) {
                    continue;
                }
                lastError = error;
            } else {
                lastError = d.error();
            }
            owed++;
        }
        if (owed > 0) {
            throw new NotDeliveredException(owed + " webhook deliveries of " + eventKey + " still owed; last error: "
                    + lastError);
        }
    }

    /** Every delivery of the event still owed, also to a target that has since been turned off. */
    private List<Delivery> owed(String eventKey) {
        return jdbc.sql("""
                SELECT * FROM webhook_delivery d
                WHERE d.event_key = :key AND d.status IN ('PENDING', 'FAILED')
                ORDER BY d.id
                """).param("key", eventKey).query((rs, n) -> delivery(rs)).list();
    }

    /**
     * A group robot's message through the log: keyed by the team and a hash of the message (a
     * rendered message names its day, customers or ticket), so that a listener that runs again
     * finds its row.
     */
    void deliverToRobot(long teamId, String url, String payload) {
        String key = "robot." + teamId + "." + java.util.HexFormat.of().formatHex(sha256(url + "\n" + payload));
        deliver(List.of(Target.robot(teamId, url)), key, "robot", payload);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One attempt; null when delivered (or abandoned: nothing more is owed), otherwise its error. */
    private String attempt(Delivery d) {
        Optional<Signing> signing = signing(d.target());
        if (signing.isEmpty()) {
            // The subscription was deleted (or the robot removed) meanwhile: nothing to deliver to.
            record(d, "ABANDONED", null, "target removed");
            return null;
        }
        String url = signing.get().dingTalkSecret() != null
                ? WebhookSigner.dingTalkUrl(d.url(), signing.get().dingTalkSecret(), clock.millis()) : d.url();
        byte[] body = jdbc.sql("SELECT payload FROM webhook_delivery WHERE id = ?").param(d.id()).query(String.class)
                .single().getBytes(StandardCharsets.UTF_8);
        Integer code = null;
        String error = null;
        try {
            // A URI, not a template: the address (and DingTalk's encoded signature) is sent as it is.
            code = http.post().uri(java.net.URI.create(url)).contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        h.set("User-Agent", "TideCRM-Webhook/1");
                        h.set("X-TideCRM-Event", d.eventType());
                        h.set("X-TideCRM-Delivery", Long.toString(d.id()));
                        if (signing.get().secret() != null) {
                            h.set(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signature(signing.get().secret(),
                                    new String(body, StandardCharsets.UTF_8)));
                        }
                    })
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
        } catch (RuntimeException e) {
            Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
            error = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (root == e ? "" : " (" + root.getClass().getSimpleName() + ")");
        }
        boolean delivered = code != null && code >= 200 && code < 300;
        if (!delivered && error == null) {
            error = "HTTP " + code;
        }
        String status = delivered ? "DELIVERED" : d.attempts() + 1 >= MAX_ATTEMPTS ? "ABANDONED" : "FAILED";
        record(d, status, code, error);
        if (!delivered) {
            log.warn("Webhook delivery {} of {} to {} failed (attempt {}): {}", d.id(), d.eventKey(), d.target(),
                    d.attempts() + 1, error);
        }
        return delivered || "ABANDONED".equals(status) ? null : error;
    }

    private void record(Delivery d, String status, Integer code, String error) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, response_code = ?, error = ?,
                       last_attempt_at = ?, next_attempt_at = ?
                WHERE id = ?
                """).params(status, code, error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                Timestamp.from(now), Timestamp.from(now.plus(backoff(d.attempts() + 1))), d.id()).update();
    }

    /** The wait after the n-th failed attempt: 1, 2, 4, 8 … minutes, at most 6 hours. */
    static Duration backoff(int failedAttempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** How a target signs: our HMAC with a subscription's secret; DingTalk's with a robot's (when set). */
    private record Signing(String secret, String dingTalkSecret) {
    }

    private Optional<Signing> signing(String target) {
        long id = Long.parseLong(target.substring(target.indexOf(':') + 1));
        if (target.startsWith("sub:")) {
            return jdbc.sql("SELECT secret FROM webhook_subscription WHERE id = ?").param(id)
                    .query((rs, n) -> new Signing(rs.getString(1), null)).optional();
        }
        return jdbc.sql("SELECT format, secret FROM team_webhook WHERE team_id = ?").param(id)
                .query((rs, n) -> new Signing(null, "DINGTALK".equals(rs.getString(1)) && rs.getString(2) != null
                        && !rs.getString(2).isBlank() ? rs.getString(2) : null))
                .optional();
    }

    /** The delivery log, newest first. */
    KeysetPage<Delivery> list(String cursor) {
        Where where = new Where().after(NEWEST_FIRST, cursor);
        return KeysetPage.of(jdbc.sql("SELECT * FROM webhook_delivery d WHERE " + where.sql() + " ORDER BY "
                + NEWEST_FIRST.orderBy() + " LIMIT " + (PAGE_SIZE + 1)).params(where.params())
                .query((rs, n) -> delivery(rs)).list(), PAGE_SIZE, Delivery::id);
    }

    private static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("target"), rs.getString("event_key"),
                rs.getString("event_type"), rs.getString("url"), rs.getString("status"), rs.getInt("attempts"),
                (Integer) rs.getObject("response_code"), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"));
    }

}
