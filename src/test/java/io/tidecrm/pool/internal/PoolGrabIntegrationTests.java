package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.ReliabilityFigures;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PoolGrabIntegrationTests {

    @Autowired
    PoolService pool;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void reset() {
        clock.reset();
        fixtures.jdbc().sql("UPDATE pool_rules SET daily_grab_limit = NULL, grab_back_enabled = true, grab_back_days = 30")
                .update();
    }

    @Test
    void ofOneHundredConcurrentGrabsOfOneCustomerExactlyOneWins() throws Exception {
        long customer = pooled("C");
        List<CurrentUser> reps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reps.add(users.newUser("grabber", Role.REP, i % 2 == 0 ? "rep1" : "rep3"));
        }
        List<String> outcomes = race(100, i -> () -> {
            try {
                pool.grab(customer, reps.get(i % reps.size()));
                return "won";
            } catch (RuleViolation e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("pool.grab.taken"::equals).hasSize(99);
        ReliabilityFigures.record("races.txt", "race: 100 concurrent grabs of one pool customer by 20 reps → 1 won, "
                + outcomes.stream().filter("pool.grab.taken"::equals).count() + " told 已被他人抢走");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM customer_owner_history WHERE customer_id = ? AND kind = 'GRABBED'")
                .param(customer).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRepAtCapMinusOneFiringFiftyGrabsGetsExactlyOne() throws Exception {
        CurrentUser rep = users.newUser("cap-grabber", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 19);
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(pooled("A"));
        }
        List<String> outcomes = race(50, i -> () -> {
            try {
                pool.grab(customers.get(i), rep);
                return "won";
            } catch (RuleViolation e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("customer.cap.exceeded"::equals).hasSize(49);
        ReliabilityFigures.record("races.txt", "race: 50 concurrent grabs by one rep at cap − 1 → 1 won, "
                + outcomes.stream().filter("customer.cap.exceeded"::equals).count() + " refused by the cap");
        assertThat(fixtures.countOwned(rep.id(), "A")).isEqualTo(20);
    }

    @Test
    void everyFormerOwnerWithinTheWindowIsBannedFromGrabbingBack() throws Exception {
        CurrentUser first = users.newUser("first-owner", Role.REP, "rep1");
        CurrentUser second = users.newUser("second-owner", Role.REP, "rep1");
        CurrentUser stranger = users.newUser("stranger", Role.REP, "rep3");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("抢回"), "B", "INTENT", first.id());
        mvc.perform(post("/customers/{id}/transfer", customer).with(users.as("manager1")).with(csrf())
                .param("targetUserId", String.valueOf(second.id())).param("reason", "调岗"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/customers/{id}/release", customer).with(users.as(second.getUsername())).with(csrf())
                .param("reason", "NO_NEED"))
                .andExpect(redirectedUrl("/customers"));
        for (CurrentUser former : List.of(first, second)) {
            mvc.perform(post("/pool/{id}/grab", customer).with(users.as(former.getUsername())).with(csrf()))
                    .andExpect(redirectedUrl("/pool"))
                    .andExpect(flash().attribute("flash", Matchers.hasToString(Matchers.containsString("pool.grab.grabBack"))));
        }
        // After the window a former owner may grab it again; a stranger may at once.
        clock.advance(Duration.ofDays(31));
        pool.grab(customer, first);
        assertThat(fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customer).query(Long.class)
                .single()).isEqualTo(first.id());
        long other = pooled("C");
        pool.grab(other, stranger);
    }

    @Test
    void releaseNeedsAReasonAndRecordsIt() throws Exception {
        CurrentUser rep = users.newUser("releaser", Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("放弃"), "C", "INTENT", rep.id());
        mvc.perform(post("/customers/{id}/release", customer).with(users.as(rep.getUsername())).with(csrf())
                .param("reason", "OTHER").param("text", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请填写原因")));
        mvc.perform(post("/customers/{id}/release", customer).with(users.as(rep.getUsername())).with(csrf())
                .param("reason", "OTHER").param("text", "客户公司已注销"))
                .andExpect(redirectedUrl("/customers"));
        assertThat(fixtures.jdbc().sql("SELECT pool_reason FROM customer WHERE id = ? AND owner_id IS NULL")
                .param(customer).query(String.class).single()).isEqualTo("客户公司已注销");
        assertThat(fixtures.jdbc().sql("SELECT reason FROM customer_owner_history WHERE customer_id = ? AND kind = 'RELEASED'")
                .param(customer).query(String.class).single()).isEqualTo("客户公司已注销");
        // Every rep sees it in the pool, with why, and may read its history before grabbing.
        mvc.perform(get("/pool").param("q", "放弃").with(users.as("rep4")))
                .andExpect(content().string(Matchers.containsString("客户公司已注销")));
        mvc.perform(get("/customers/{id}", customer).with(users.as("rep4")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"grab\"")))
                .andExpect(content().string(Matchers.containsString("放入公海")));
        // But nobody writes on it while it is in the pool.
        mvc.perform(post("/customers/{id}", customer).with(users.as("rep4")).with(csrf()).param("name", "x")
                .param("type", "C").param("status", "INTENT").param("source", "OTHER").param("version", "0"))
                .andExpect(status().isNotFound());
        // Another rep cannot release someone else's customer: it is not even visible to them.
        long others = fixtures.insert(CustomerFixtures.uniqueName("别人的"), "C", "INTENT", fixtures.userId("rep1"));
        mvc.perform(post("/customers/{id}/release", others).with(users.as("rep2")).with(csrf())
                .param("reason", "NO_NEED")).andExpect(status().isNotFound());
    }

    @Test
    void theDailyGrabLimitCountsOnlySuccessfulGrabs() throws Exception {
        fixtures.jdbc().sql("UPDATE pool_rules SET daily_grab_limit = 2").update();
        CurrentUser rep = users.newUser("limited", Role.REP, "rep1");
        long taken = pooled("C");
        pool.grab(taken, users.newUser("faster", Role.REP, "rep1"));
        try {
            pool.grab(taken, rep);
        } catch (RuleViolation expected) {
            assertThat(expected.messageKey()).isEqualTo("pool.grab.taken");
        }
        pool.grab(pooled("C"), rep);
        pool.grab(pooled("C"), rep);
        long third = pooled("C");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.grab(third, rep))
                .isInstanceOf(RuleViolation.class).hasMessage("pool.grab.dailyLimit");
    }

    @Test
    void aGrabStartsTheClockAndWritesHistory() {
        CurrentUser rep = users.newUser("clock-grab", Role.REP, "rep1");
        long customer = pooled("B");
        fixtures.jdbc().sql("UPDATE customer SET clock_at = now() - interval '90 days' WHERE id = ?").param(customer).update();
        pool.grab(customer, rep);
        assertThat(fixtures.jdbc().sql("SELECT clock_at > now() - interval '1 minute' FROM customer WHERE id = ?")
                .param(customer).query(Boolean.class).single()).isTrue();
        assertThat(fixtures.jdbc().sql("SELECT new_owner_id FROM customer_owner_history WHERE customer_id = ? AND kind = 'GRABBED'")
                .param(customer).query(Long.class).single()).isEqualTo(rep.id());
    }

    @Test
    void managersAssignPoolCustomersWithinTheirTeamsWithTheSameChecks() throws Exception {
        long customer = pooled("C");
        mvc.perform(post("/pool/{id}/assign", customer).with(users.as("manager1")).with(csrf())
                .param("repId", String.valueOf(fixtures.userId("rep3"))))
                .andExpect(flash().attribute("flash", Matchers.hasToString(Matchers.containsString("customer.transfer.invalidTarget"))));
        mvc.perform(post("/pool/{id}/assign", customer).with(users.as("manager1")).with(csrf())
                .param("repId", String.valueOf(fixtures.userId("rep2"))))
                .andExpect(flash().attribute("flash", Matchers.hasToString(Matchers.containsString("pool.assigned"))));
        assertThat(fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customer).query(Long.class)
                .single()).isEqualTo(fixtures.userId("rep2"));
        mvc.perform(post("/pool/{id}/assign", pooled("C")).with(users.as("rep1")).with(csrf())
                .param("repId", String.valueOf(fixtures.userId("rep2")))).andExpect(status().isForbidden());
    }

    private long pooled(String type) {
        long id = fixtures.insert(CustomerFixtures.uniqueName("公海"), type, "INTENT", null);
        fixtures.jdbc().sql("UPDATE customer SET pooled_at = ?, pool_reason = '#NO_NEED' WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        return id;
    }

    private static List<String> race(int count, java.util.function.IntFunction<Callable<String>> task)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 50));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<String> body = task.apply(i);
            futures.add(threads.submit(() -> {
                start.await();
                return body.call();
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : futures) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();
        return outcomes;
    }
}
