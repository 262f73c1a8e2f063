package io.tidecrm.notification.internal;

import static io.tidecrm.support.ApiTokenFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.pool.PoolWarned;
import io.tidecrm.support.ApiTokenFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing webhooks against a loopback receiver: the body is signed with HMAC-SHA256 under the
 * subscription's secret; a receiver that answers 500 leaves the change committed and is retried
 * after its back-off; a delivery cut off by a restart is resumed by the start-up sweep and sent
 * once; "send test" pings through the same log; the group robots use the same machinery, DingTalk
 * with its own signature.
 */
@IntegrationTest
class WebhookIntegrationTests {

    private static final String SECRET = "whsec-0123456789abcdef";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MutableClock clock;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** What the receiver answers next (then 200). */
    final List<Integer> answers = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final List<Long> subscriptions = new CopyOnWriteArrayList<>();

    record Received(String body, String signature, String event, String query) {
    }

    @BeforeEach
    void aReceiverOnLoopback() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-TideCRM-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-TideCRM-Event"), exchange.getRequestURI().getRawQuery()));
            int status = answers.isEmpty() ? 200 : answers.remove(0);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        // Other tests' follow-ups must not go to this test's (stopped) receiver.
        subscriptions.forEach(id -> fixtures.jdbc().sql("UPDATE webhook_subscription SET active = false WHERE id = ?")
                .param(id).update());
        clock.reset();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** Subscribes the receiver through the administrators' page, as an administrator would. */
    private long subscribe(String... events) throws Exception {
        var request = post("/admin/webhooks/subscriptions").with(users.as("admin")).with(csrf())
                .param("name", "接收端" + System.nanoTime()).param("url", url()).param("secret", SECRET);
        for (String e : events) {
            request.param("events", e);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        long id = fixtures.jdbc().sql("SELECT max(id) FROM webhook_subscription WHERE url = ?").param(url())
                .query(Long.class).single();
        subscriptions.add(id);
        return id;
    }

    private long followUpThroughTheApi(String content) throws Exception {
        long customer = fixtures.customerOf("rep1", "推送");
        String token = ApiTokenFixtures.readWrite(fixtures.jdbc(), fixtures.userId("rep1"));
        mvc.perform(post("/api/v1/customers/" + customer + "/follow-ups").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"PHONE\",\"occurredAt\":\"" + clock.instant() + "\",\"content\":\"" + content + "\"}"))
                .andExpect(status().isCreated());
        return customer;
    }

    private Map<String, Object> delivery(String eventType, String keyLike) {
        return fixtures.jdbc().sql("""
                SELECT status, attempts, response_code, event_key FROM webhook_delivery
                WHERE event_type = ? AND event_key LIKE ? AND url = ? ORDER BY id DESC LIMIT 1
                """).params(eventType, keyLike, url()).query().singleRow();
    }

    private String publicationStatus(String keyLike) {
        return fixtures.jdbc().sql("""
                SELECT coalesce(status, CASE WHEN completion_date IS NULL THEN 'INCOMPLETE' ELSE 'COMPLETED' END)
                FROM event_publication
                WHERE listener_id LIKE '%WebhookListeners.on(%' AND serialized_event LIKE ?
                ORDER BY publication_date DESC LIMIT 1
                """).param(keyLike).query(String.class).single();
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSubscribedEventIsPostedAsJsonSignedWithHmacSha256OfItsBody() throws Exception {
        subscribe("FOLLOW_UP_RECORDED");
        String marker = "签名" + System.nanoTime();
        long customer = followUpThroughTheApi(marker);
        deliveries.awaitAll();

        Received r = received.stream().filter(x -> x.body().contains(marker)).findFirst().orElseThrow();
        assertThat(r.event()).isEqualTo("followup.recorded");
        assertThat(r.signature()).isEqualTo("sha256=" + hmac(SECRET, r.body()));
        assertThat(r.signature()).isNotEqualTo("sha256=" + hmac("another-secret-0000", r.body()));
        assertThat((String) JsonPath.read(r.body(), "$.event")).isEqualTo("followup.recorded");
        assertThat(((Number) JsonPath.read(r.body(), "$.data.customerId")).longValue()).isEqualTo(customer);
        Map<String, Object> log = delivery("followup.recorded", "followup.%");
        assertThat(log.get("status")).isEqualTo("DELIVERED");
        assertThat(log.get("response_code")).isEqualTo(200);
        // Only the subscribed events go out: a customer created is not among them.
        assertThat(received).noneMatch(x -> "customer.created".equals(x.event()));
    }

    @Test
    void eachCustomerOfAnImportIsPostedAsItsOwnChangeOfOwner() throws Exception {
        subscribe("CUSTOMER_OWNER_CHANGED");
        long owner = fixtures.userId("rep1");
        long owned = fixtures.customerOf("rep1", "导入推送");
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("导入推送公海"), "B", "INTENT", null);
        Instant at = clock.instant();
        // One event for the batch of an import, as CustomerImport publishes it when the batch commits.
        transaction.executeWithoutResult(s -> events.publishEvent(new CustomersImported(List.of(
                new CustomersImported.Imported(owned, "导入推送甲", CustomerType.B, owner, null),
                new CustomersImported.Imported(pooled, "导入推送乙", CustomerType.B, null, null)),
                fixtures.userId("admin"), at, LocalDate.ofInstant(at, clock.getZone()))));
        deliveries.awaitAll();

        List<Received> posted = received.stream().filter(r -> "customer.owner_changed".equals(r.event())).toList();
        assertThat(posted).extracting(r -> ((Number) JsonPath.read(r.body(), "$.data.customerId")).longValue())
                .containsExactlyInAnyOrder(owned, pooled);
        assertThat(posted).extracting(r -> (String) JsonPath.read(r.body(), "$.data.kind"))
                .containsExactly("IMPORTED", "IMPORTED");
        for (Received r : posted) {
            assertThat(r.signature()).isEqualTo("sha256=" + hmac(SECRET, r.body()));
        }
    }

    @Test
    void aReceiverAnswering500NeverRollsBackTheChangeAndIsRetriedAfterItsBackoff() throws Exception {
        subscribe("FOLLOW_UP_RECORDED");
        answers.add(500);
        String marker = "重试" + System.nanoTime();
        long customer = followUpThroughTheApi(marker);
        deliveries.awaitAll();

        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customer)
                .query(Integer.class).single()).as("the follow-up is saved").isEqualTo(1);
        Map<String, Object> failed = delivery("followup.recorded", "followup.%");
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("response_code")).isEqualTo(500);
        assertThat(publicationStatus("%" + marker + "%")).isEqualTo("FAILED");
        int before = calls.get();

        // Resubmitted at once: its back-off (a minute) has not run out, nothing is sent.
        incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(marker));
        deliveries.awaitAll();
        assertThat(calls.get()).isEqualTo(before);

        clock.advance(WebhookDeliveries.backoff(1));
        incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(marker));
        deliveries.awaitAll();
        Map<String, Object> delivered = delivery("followup.recorded", "followup.%");
        assertThat(delivered.get("status")).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts")).isEqualTo(2);
        assertThat(received.stream().filter(x -> x.body().contains(marker)).count()).isEqualTo(2);
        assertThat(publicationStatus("%" + marker + "%")).isEqualTo("COMPLETED");
    }

    @Test
    void aDeliveryCutOffByARestartIsResumedByTheStartUpSweepAndSentOnce() throws Exception {
        subscribe("FOLLOW_UP_RECORDED");
        String marker = "重启" + System.nanoTime();
        int port = receiver.getAddress().getPort();
        receiver.stop(0); // the receiver is down: the delivery fails (connection refused)
        followUpThroughTheApi(marker);
        deliveries.awaitAll();
        assertThat(publicationStatus("%" + marker + "%")).isEqualTo("FAILED");

        // The node goes down. What survives is the database: the incomplete publication and the log row.
        // After the restart the receiver is up again and the start-up sweep (module events) runs.
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-TideCRM-Signature-256"),
                    exchange.getRequestHeaders().getFirst("X-TideCRM-Event"), null));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        clock.advance(Duration.ofMinutes(15));
        startUpSweep();
        deliveries.awaitAll();

        assertThat(received.stream().filter(x -> x.body().contains(marker)).count()).isEqualTo(1);
        assertThat(delivery("followup.recorded", "followup.%").get("status")).isEqualTo("DELIVERED");
        assertThat(publicationStatus("%" + marker + "%")).isEqualTo("COMPLETED");
        startUpSweep();
        deliveries.awaitAll();
        assertThat(received.stream().filter(x -> x.body().contains(marker)).count()).as("never twice").isEqualTo(1);
    }

    /** The events module's sweep, which its Quartz job runs at start-up and then every few minutes. */
    private void startUpSweep() throws Exception {
        Object resubmission = context.getBean(Class.forName("io.tidecrm.events.internal.Resubmission"));
        var sweep = resubmission.getClass().getDeclaredMethod("sweep");
        sweep.setAccessible(true);
        sweep.invoke(resubmission);
    }

    @Test
    void sendTestPingsTheSubscriptionThroughTheLog() throws Exception {
        long id = subscribe("CONTRACT_APPROVED");
        mvc.perform(post("/admin/webhooks/subscriptions/" + id + "/test").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        deliveries.awaitAll();
        Received ping = received.stream().filter(x -> "ping".equals(x.event())).findFirst().orElseThrow();
        assertThat(ping.signature()).isEqualTo("sha256=" + hmac(SECRET, ping.body()));
        assertThat(delivery("ping", "ping.%").get("status")).isEqualTo("DELIVERED");
        mvc.perform(get("/admin/webhooks/deliveries").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(url())));
        mvc.perform(post("/admin/webhooks/subscriptions/" + id + "/test").with(users.as("rep1")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSubscriptionNeedsAnAddressASecretAndAnEvent() throws Exception {
        mvc.perform(post("/admin/webhooks/subscriptions").with(users.as("admin")).with(csrf())
                .param("name", "坏订阅").param("url", "ftp://x").param("secret", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"坏订阅\"")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM webhook_subscription WHERE name = '坏订阅'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aDingTalkRobotIsSignedAndLoggedOnTheSameMachinery() throws Exception {
        CurrentUser owner = users.newUser("ding", Role.REP, "rep3");
        long teamId = fixtures.jdbc().sql("SELECT team_id FROM app_user WHERE id = ?").param(owner.id())
                .query(Long.class).single();
        String robotSecret = "SEC0123456789abcdef";
        mvc.perform(post("/admin/webhooks/" + teamId).with(users.as("admin")).with(csrf())
                .param("url", url()).param("format", "DINGTALK").param("secret", robotSecret))
                .andExpect(status().is3xxRedirection());
        try {
            String name = CustomerFixtures.uniqueName("钉钉");
            transaction.executeWithoutResult(s -> events.publishEvent(new PoolWarned(owner.id(),
                    List.of(new PoolWarned.Customer(1L, name, Instant.now().plus(Duration.ofDays(3)))), List.of(),
                    Instant.now())));
            deliveries.awaitAll();
            Received robot = received.stream().filter(x -> x.body().contains(name)).findFirst().orElseThrow();
            Map<String, String> query = new java.util.HashMap<>();
            for (String part : robot.query().split("&")) {
                String[] kv = part.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(robotSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((query.get("timestamp") + "\n" + robotSecret).getBytes(StandardCharsets.UTF_8)));
            assertThat(query.get("sign")).isEqualTo(expected);
            assertThat(delivery("robot", "robot." + teamId + ".%").get("status")).isEqualTo("DELIVERED");
        } finally {
            fixtures.jdbc().sql("DELETE FROM team_webhook WHERE team_id = ?").param(teamId).update();
        }
    }
}
