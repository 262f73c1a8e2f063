package io.tidecrm.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real business change whose after-commit inbox notice fails: a database trigger refuses the
 * notices that carry a marker, until {@link #repair()} drops it. The change is a follow-up that
 * a rep writes on their customer, naming their manager (who is to get the notice).
 */
final class FailingInbox {

    static final String LISTENER = "io.tidecrm.notification.internal.NotificationEvents.on(io.tidecrm.followup.FollowUpRecorded)";

    private final MockMvc mvc;
    private final TestUsers users;
    private final CustomerFixtures fixtures;
    private final Deliveries deliveries;
    private final MutableClock clock;
    private final String trigger = "inbox_down_" + System.nanoTime();

    final String marker = "inbox-down-" + System.nanoTime();
    final CurrentUser rep;
    final long managerId;
    final long customerId;

    FailingInbox(MockMvc mvc, TestUsers users, CustomerFixtures fixtures, Deliveries deliveries, MutableClock clock) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.deliveries = deliveries;
        this.clock = clock;
        // Form times are in minutes: a "now" on a minute boundary is never in the future.
        clock.setInstant(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        rep = users.newUser("events", Role.REP, "rep1");
        managerId = fixtures.userId("manager1");
        customerId = fixtures.insert(CustomerFixtures.uniqueName("投递"), "B", "INTENT", rep.id());
        jdbc().sql("""
                CREATE OR REPLACE FUNCTION test_inbox_down() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.message_args LIKE '%' || TG_ARGV[0] || '%' THEN
                        RAISE EXCEPTION 'inbox down for %', TG_ARGV[0];
                    END IF;
                    RETURN NEW;
                END $$
                """).update();
        jdbc().sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON notification FOR EACH ROW"
                + " EXECUTE FUNCTION test_inbox_down('" + marker + "')").update();
    }

    /** The follow-up (committed by the request) whose notice fails; waits for the listeners. */
    FailingInbox followUp() throws Exception {
        mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                        .param("kind", "PHONE")
                        .param("occurredAt", LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).toString())
                        .param("content", marker)
                        .param("notifyUserIds", String.valueOf(managerId)))
                .andExpect(status().is3xxRedirection());
        deliveries.awaitAll();
        return this;
    }

    void repair() {
        jdbc().sql("DROP TRIGGER IF EXISTS " + trigger + " ON notification").update();
    }

    long followUps() {
        return jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ? AND content = ?")
                .params(customerId, marker).query(Long.class).single();
    }

    long notices() {
        return jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND message_args LIKE ?")
                .params(managerId, "%" + marker + "%").query(Long.class).single();
    }

    record Publication(UUID id, String status, boolean completed, int attempts, String error) {
    }

    /** The inbox listener's publication of the follow-up. */
    Publication publication() {
        return jdbc().sql("""
                SELECT p.id, p.status, p.completion_date IS NOT NULL, p.completion_attempts, f.error
                FROM event_publication p LEFT JOIN event_failure f ON f.publication_id = p.id
                WHERE p.listener_id = ? AND p.serialized_event LIKE ?
                """)
                .params(LISTENER, "%" + marker + "%")
                .query((rs, n) -> new Publication(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getInt(4), rs.getString(5)))
                .single();
    }

    void advancePast(Duration age) {
        clock.advance(age.plusMinutes(1));
    }

    private JdbcClient jdbc() {
        return fixtures.jdbc();
    }
}
