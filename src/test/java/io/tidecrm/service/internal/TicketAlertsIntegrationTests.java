package io.tidecrm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alert run: a reminder before a due time and an escalation to the owner's manager after it,
 * each sent exactly once, however often the job runs; a rerun of the same scheduled time changes
 * nothing; a due time that is met is neither reminded nor escalated.
 */
@IntegrationTest
class TicketAlertsIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TicketAlerts alerts;

    @Autowired
    TicketService tickets;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Deliveries deliveries;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** A service request of rep1's, recorded Monday 2031-03-03 10:00: first response due 12:00, resolution due Wednesday 16:00. */
    long request(String title) {
        clock.setInstant(at("2031-03-03T10:00"));
        CurrentUser rep = users.principal("rep1");
        return tickets.create(fixtures.customerOf("rep1", "提醒"), new TicketForm(TicketKind.REQUEST, TicketPriority.NORMAL,
                TicketChannel.PHONE, TicketCategory.PRODUCT, null, title, "描述", null), rep);
    }

    long notices(String username, String kind, long ticketId) {
        return fixtures.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = ? AND link = ?")
                .params(fixtures.userId(username), kind, "/tickets/" + ticketId).query(Long.class).single();
    }

    long alerts(long ticketId, String kind) {
        return fixtures.jdbc().sql("SELECT count(*) FROM service_ticket_alert WHERE ticket_id = ? AND kind = ?")
                .params(ticketId, kind).query(Long.class).single();
    }

    @Test
    void aReminderAndAnEscalationAreSentExactlyOnce() {
        long id = request("提醒一次" + System.nanoTime());
        clock.setInstant(at("2031-03-03T11:20"));
        alerts.run(at("2031-03-03T11:20"), false);
        alerts.run(at("2031-03-03T11:30"), false);
        alerts.run(at("2031-03-03T11:40"), false);
        deliveries.awaitAll();
        assertThat(notices("rep1", "TICKET_DUE_SOON", id)).isEqualTo(1);
        assertThat(notices("manager1", "TICKET_ESCALATED", id)).isZero();

        clock.setInstant(at("2031-03-03T12:10"));
        alerts.run(at("2031-03-03T12:10"), false);
        alerts.run(at("2031-03-03T12:20"), false);
        deliveries.awaitAll();
        assertThat(notices("manager1", "TICKET_ESCALATED", id)).isEqualTo(1);
        assertThat(notices("rep1", "TICKET_ESCALATED", id)).as("the owner is told too").isEqualTo(1);
        assertThat(notices("rep2", "TICKET_ESCALATED", id)).isZero();
        assertThat(alerts(id, "REMINDER")).isEqualTo(1);
        assertThat(alerts(id, "ESCALATION")).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT string_agg(kind, ',' ORDER BY id) FROM service_ticket_entry WHERE ticket_id = ?")
                .param(id).query(String.class).single()).isEqualTo("CREATED,REMINDED,ESCALATED");
    }

    @Test
    void theReminderLeadIsCountedInWorkingTime() {
        // Recorded Friday 2031-03-07 17:00: the first response (2 working hours) is due Monday 10:00.
        CurrentUser rep = users.newUser("svc-lead-rep", io.tidecrm.identity.Role.REP, null);
        long customer = fixtures.insert(CustomerFixtures.uniqueName("工作时提醒"), "B", "INTENT", rep.id());
        clock.setInstant(at("2031-03-07T17:00"));
        long id = tickets.create(customer, new TicketForm(TicketKind.REQUEST, TicketPriority.NORMAL, TicketChannel.PHONE,
                TicketCategory.PRODUCT, null, "工作时提醒" + System.nanoTime(), "描述", null), rep);
        assertThat(fixtures.jdbc().sql("SELECT first_response_due FROM service_ticket WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(at("2031-03-10T10:00"));

        // Friday 17:45 is 1 h 15 min of working time before it: not yet (wall-clock, it is 64 hours).
        clock.setInstant(at("2031-03-07T17:45"));
        alerts.run(at("2031-03-07T17:45").plusMillis(System.nanoTime() % 1000), false);
        assertThat(alerts(id, "REMINDER")).isZero();
        // Friday 20:00 is one working hour before it (Monday 09:00–10:00): reminded, not on Monday at 09:00.
        clock.setInstant(at("2031-03-07T20:00"));
        alerts.run(at("2031-03-07T20:00").plusMillis(System.nanoTime() % 1000), false);
        assertThat(alerts(id, "REMINDER")).isEqualTo(1);
        assertThat(alerts(id, "ESCALATION")).isZero();

        assertThat(alerts.remindBefore(at("2031-03-07T17:30"))).isEqualTo(at("2031-03-10T09:30").plusNanos(1000));
        assertThat(alerts.remindBefore(at("2031-03-07T17:00"))).isEqualTo(at("2031-03-10T09:00").plusNanos(1000));
        assertThat(alerts.remindBefore(at("2031-03-04T10:00"))).isEqualTo(at("2031-03-04T11:00").plusNanos(1000));
    }

    @Test
    void aRerunOfTheSameScheduledTimeChangesNothing() {
        long id = request("重跑" + System.nanoTime());
        Instant scheduled = at("2031-03-03T12:30");
        clock.setInstant(scheduled);
        TicketAlerts.Outcome first = alerts.run(scheduled, false);
        TicketAlerts.Outcome second = alerts.run(scheduled, false);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.alerts()).isGreaterThanOrEqualTo(1);
        assertThat(second.status()).isEqualTo("ALREADY_DONE");
        assertThat(alerts(id, "ESCALATION")).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM service_job_run WHERE job = ? AND scheduled_at = ?")
                .params(TicketAlerts.JOB, java.sql.Timestamp.from(scheduled)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDueTimeThatWasMetIsNeitherRemindedNorEscalated() {
        long id = request("已响应" + System.nanoTime());
        clock.setInstant(at("2031-03-03T10:30"));
        long version = fixtures.jdbc().sql("SELECT version FROM service_ticket WHERE id = ?").param(id).query(Long.class).single();
        tickets.start(id, version, users.principal("rep1"));
        clock.setInstant(at("2031-03-03T13:00"));
        alerts.run(at("2031-03-03T13:00").plus(Duration.ofSeconds(1)), false);
        deliveries.awaitAll();
        assertThat(alerts(id, "REMINDER") + alerts(id, "ESCALATION")).isZero();
        assertThat(notices("manager1", "TICKET_ESCALATED", id)).isZero();
    }

    @Test
    void theReminderAndTheEscalationReachTheTeamsGroupRobotOnceEach() throws Exception {
        java.util.List<String> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer robot = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/hook", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        robot.start();
        CurrentUser manager = users.newManagerOfNewTeam("svc-robot");
        CurrentUser rep = users.newUser("svc-robot-rep", io.tidecrm.identity.Role.REP, manager.getUsername());
        long team = fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE id = ?").param(rep.id()).query(Long.class).single();
        fixtures.jdbc().sql("INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, 'WECOM')")
                .params(team, "http://127.0.0.1:" + robot.getAddress().getPort() + "/hook").update();
        try {
            clock.setInstant(at("2031-03-10T10:00"));
            String title = "机器人" + System.nanoTime();
            long customer = fixtures.insert(CustomerFixtures.uniqueName("机器人"), "B", "INTENT", rep.id());
            long id = tickets.create(customer, new TicketForm(TicketKind.REQUEST, TicketPriority.NORMAL,
                    TicketChannel.PHONE, TicketCategory.PRODUCT, null, title, "描述", null), rep);
            for (String time : java.util.List.of("2031-03-10T11:20", "2031-03-10T11:50", "2031-03-10T12:10",
                    "2031-03-10T12:20")) {
                clock.setInstant(at(time));
                alerts.run(at(time), false);
            }
            deliveries.awaitAll();
            assertThat(posted.stream().filter(p -> p.contains(title))).hasSize(2);
            assertThat(posted.stream().filter(p -> p.contains(title) && p.contains("/tickets/" + id))).hasSize(2);
            assertThat(posted.stream().filter(p -> p.contains(title) && p.contains("升级"))).hasSize(1);
        } finally {
            robot.stop(0);
            fixtures.jdbc().sql("DELETE FROM team_webhook WHERE team_id = ?").param(team).update();
        }
    }
}
