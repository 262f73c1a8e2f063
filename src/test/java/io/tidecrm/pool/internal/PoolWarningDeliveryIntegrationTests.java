package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The 12:00 digest leaves the app by e-mail (checked with GreenMail) and by the team's group-robot
 * webhook, each after the run has committed, on its own.
 */
@IntegrationTest
class PoolWarningDeliveryIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    PoolJobs jobs;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    IncompleteEventPublications incomplete;

    HttpServer robot;
    final List<String> payloads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aGroupRobotOnLoopback() throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/hook", exchange -> {
            payloads.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        robot.start();
        fixtures.jdbc().sql("UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z'").update();
    }

    @AfterEach
    void stop() {
        robot.stop(0);
        clock.reset();
    }

    @Test
    void theDigestIsMailedToTheOwnerAndPostedToTheTeamRobot() throws Exception {
        CurrentUser owner = users.newUser("digest", Role.REP, "rep3");
        fixtures.jdbc().sql("UPDATE app_user SET email = ? WHERE id = ?").params("digest@example.com", owner.id()).update();
        long teamId = fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE id = ?").param(owner.id())
                .query(Long.class).single();
        fixtures.jdbc().sql("""
                INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, 'WECOM')
                ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, format = EXCLUDED.format
                """).params(teamId, "http://127.0.0.1:" + robot.getAddress().getPort() + "/hook").update();

        ZonedDateTime now = ZonedDateTime.now(ZONE);
        Instant warning = now.toLocalDate().minusDays(1000).atTime(LocalTime.NOON).atZone(ZONE).toInstant();
        Instant deadline = warning.atZone(ZONE).toLocalDate().plusDays(3).atTime(20, 0).atZone(ZONE).toInstant();
        String first = CustomerFixtures.uniqueName("邮件提醒");
        String second = CustomerFixtures.uniqueName("机器人提醒");
        for (String name : List.of(first, second)) {
            long id = fixtures.insert(name, "A", "INTENT", owner.id());
            fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                    .params(Timestamp.from(deadline.atZone(ZONE).minusDays(10).minusMinutes(30).toInstant()), id).update();
        }
        clock.setInstant(warning.plusSeconds(3));
        assertThat(jobs.warn(warning, false).status()).isEqualTo("DONE");
        deliveries.awaitAll();

        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain("example.com");
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("digest@example.com");
        assertThat(mails[0].getSubject()).contains("2 个客户将于").contains("进入公海");
        assertThat(GreenMailUtil.getBody(mails[0])).isNotBlank();
        String body = new String(mails[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains(first).contains(second).contains("/customers/");

        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains("\"msgtype\":\"markdown\"").contains(first).contains(second)
                .contains("进入公海");
    }

    @Test
    void aFailedMailIsRetriedWithoutPostingTheRobotMessageAgain() throws Exception {
        CurrentUser owner = users.newUser("mail-retry", Role.REP, "rep3");
        fixtures.jdbc().sql("UPDATE app_user SET email = ? WHERE id = ?").params("retry@example.com", owner.id()).update();
        long teamId = fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE id = ?").param(owner.id())
                .query(Long.class).single();
        fixtures.jdbc().sql("""
                INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, 'WECOM')
                ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, format = EXCLUDED.format
                """).params(teamId, "http://127.0.0.1:" + robot.getAddress().getPort() + "/hook").update();
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        Instant warning = now.toLocalDate().minusDays(1300).atTime(LocalTime.NOON).atZone(ZONE).toInstant();
        Instant deadline = warning.atZone(ZONE).toLocalDate().plusDays(3).atTime(20, 0).atZone(ZONE).toInstant();
        long id = fixtures.insert(CustomerFixtures.uniqueName("重发邮件"), "A", "INTENT", owner.id());
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                .params(Timestamp.from(deadline.atZone(ZONE).minusDays(10).minusMinutes(30).toInstant()), id).update();
        clock.setInstant(warning.plusSeconds(3));

        // The mail server is down while the digest goes out; the robot answers.
        greenMail.stop();
        try {
            assertThat(jobs.warn(warning, false).status()).isEqualTo("DONE");
            deliveries.awaitAll();
        } finally {
            greenMail.start();
        }
        assertThat(payloads).hasSize(1);
        String ownerInEvent = "%\"ownerId\":" + owner.id() + ",%";
        java.util.UUID mail = fixtures.jdbc().sql("""
                SELECT id FROM event_publication WHERE listener_id LIKE '%WarningDelivery.mail(%'
                  AND serialized_event LIKE ? AND completion_date IS NULL
                """).param(ownerInEvent).query(java.util.UUID.class).single();
        assertThat(fixtures.jdbc().sql("""
                SELECT status FROM event_publication WHERE listener_id LIKE '%WarningDelivery.robot(%'
                  AND serialized_event LIKE ?
                """).param(ownerInEvent).query(String.class).single()).isEqualTo("COMPLETED");

        // Resubmitted (as at a restart): the mail goes, the robot message is not posted again.
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(mail));
        deliveries.awaitAll();
        assertThat(greenMail.getReceivedMessagesForDomain("example.com")).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("retry@example.com");
        assertThat(payloads).hasSize(1);
    }

    @Test
    void aRobotThatDoesNotAnswerIsCutOffByTheReadTimeoutAndTheWarningRunStillFinishes() throws Exception {
        CurrentUser owner = users.newUser("silent-robot", Role.REP, "rep4");
        long teamId = fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE id = ?").param(owner.id())
                .query(Long.class).single();
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        // Accepts the connection, reads nothing and never answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            fixtures.jdbc().sql("""
                    INSERT INTO team_webhook (team_id, url, format) VALUES (?, ?, 'DINGTALK')
                    ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, format = EXCLUDED.format
                    """).params(teamId, "http://127.0.0.1:" + silent.getLocalPort() + "/robot/send").update();
            try {
                ZonedDateTime now = ZonedDateTime.now(ZONE);
                Instant warning = now.toLocalDate().minusDays(1500).atTime(LocalTime.NOON).atZone(ZONE).toInstant();
                Instant deadline = warning.atZone(ZONE).toLocalDate().plusDays(3).atTime(20, 0).atZone(ZONE).toInstant();
                String name = CustomerFixtures.uniqueName("沉默机器人");
                long id = fixtures.insert(name, "A", "INTENT", owner.id());
                fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                        .params(Timestamp.from(deadline.atZone(ZONE).minusDays(10).minusMinutes(30).toInstant()), id)
                        .update();
                clock.setInstant(warning.plusSeconds(3));

                long started = System.nanoTime();
                assertThat(jobs.warn(warning, false).status()).isEqualTo("DONE");
                assertThat(fixtures.jdbc().sql("SELECT status FROM pool_job_run WHERE job = 'WARNING' AND scheduled_at = ?")
                        .param(Timestamp.from(warning)).query(String.class).single()).isEqualTo("DONE");
                deliveries.awaitAll();
                Duration delivery = Duration.ofNanos(System.nanoTime() - started);

                assertThat(accepted).as("the robot was called").isNotEmpty();
                assertThat(delivery).as("cut off after the 1 s read timeout of the tests")
                        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(15));
                record Publication(String status, String error) {
                }
                Publication robot = fixtures.jdbc().sql("""
                        SELECT p.status, f.error FROM event_publication p
                        LEFT JOIN event_failure f ON f.publication_id = p.id
                        WHERE p.listener_id LIKE '%WarningDelivery.robot(%' AND p.serialized_event LIKE ?
                        """)
                        .param("%\"ownerId\":" + owner.id() + ",%")
                        .query((rs, n) -> new Publication(rs.getString(1), rs.getString(2)))
                        .single();
                assertThat(robot.status()).as("left incomplete, to be retried").isEqualTo("FAILED");
                assertThat(robot.error()).contains("HttpTimeoutException");
                // The other deliveries of the digest are not held up: the owner's notice is there.
                assertThat(fixtures.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'POOL_WARNING'")
                        .param(owner.id()).query(Long.class).single()).isEqualTo(1);
            } finally {
                fixtures.jdbc().sql("DELETE FROM team_webhook WHERE team_id = ?").param(teamId).update();
                for (Socket socket : new ArrayList<>(accepted)) {
                    socket.close();
                }
            }
        }
    }
}
