package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.ReliabilityFigures;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The per-type caps (20 A / 50 B / 100 C by default) hold on every path, and under concurrency. */
@IntegrationTest
class OwnershipCapIntegrationTests {

    @Autowired
    CustomerEditing customers;

    @Autowired
    OwnershipCaps caps;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void restoreDefaultRules() {
        fixtures.jdbc().sql("UPDATE customer_rules SET cap_a = 20, cap_b = 50, cap_c = 100, count_won = true").update();
    }

    @Test
    void twentyConcurrentCreationsAtCapMinusOneLetExactlyOneThrough() throws Exception {
        CurrentUser rep = users.newUser("cap-race", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 19);
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String name = CustomerFixtures.uniqueName("并发上限" + i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    customers.create(form(name, CustomerType.A), rep);
                    return "created";
                } catch (RuleViolation e) {
                    return e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("customer.cap.exceeded"::equals).hasSize(attempts - 1);
        ReliabilityFigures.record("races.txt", "race: 20 concurrent creations by one rep at cap − 1 → 1 created, "
                + (attempts - 1) + " refused by the cap");
        assertThat(fixtures.countOwned(rep.id(), "A")).isEqualTo(20);
    }

    @Test
    void creatingBeyondTheCapIsRefusedWithAClearMessage() throws Exception {
        CurrentUser rep = users.newUser("cap-create", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 20);
        mvc.perform(post("/customers").with(users.as(rep.getUsername())).with(csrf())
                .param("name", CustomerFixtures.uniqueName("超限")).param("type", "A").param("status", "FIRST_VISIT")
                .param("source", "OTHER"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("负责人已有 20 个 A 类客户，已达上限 20 个")));
        // Another type still has room.
        mvc.perform(post("/customers").with(users.as(rep.getUsername())).with(csrf())
                .param("name", CustomerFixtures.uniqueName("B类")).param("type", "B").param("status", "FIRST_VISIT")
                .param("source", "OTHER"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void changingTheTypeIntoAFullCapIsRefused() throws Exception {
        CurrentUser rep = users.newUser("cap-type", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 20);
        String name = CustomerFixtures.uniqueName("升级");
        long id = customers.create(form(name, CustomerType.B), rep);
        mvc.perform(post("/customers/{id}", id).with(users.as(rep.getUsername())).with(csrf()).param("name", name)
                .param("type", "A").param("status", "FIRST_VISIT").param("source", "OTHER").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已达上限")));
        assertThat(fixtures.jdbc().sql("SELECT type FROM customer WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("B");
    }

    @Test
    void transferToARepAtTheCapIsRefused() throws Exception {
        CurrentUser full = users.newUser("cap-transfer", Role.REP, "rep1");
        fixtures.fillTo(full.id(), "C", 100);
        long id = fixtures.insert(CustomerFixtures.uniqueName("转入"), "C", "INTENT", fixtures.userId("rep2"));
        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("manager1")).with(csrf())
                .param("targetUserId", String.valueOf(full.id())).param("reason", "调整"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已达上限 100 个")));
        assertThat(fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(id).query(Long.class)
                .single()).isEqualTo(fixtures.userId("rep2"));
    }

    @Test
    void aLoweredCapTakesNothingAwayButBlocksNewOnes() throws Exception {
        CurrentUser rep = users.newUser("cap-lowered", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "B", 5);
        mvc.perform(post("/admin/customer-rules").with(users.as("admin")).with(csrf()).param("capA", "20")
                .param("capB", "3").param("capC", "100").param("countWon", "true")
                .param("version", String.valueOf(caps.rules().version())))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.countOwned(rep.id(), "B")).isEqualTo(5);
        mvc.perform(post("/customers").with(users.as(rep.getUsername())).with(csrf())
                .param("name", CustomerFixtures.uniqueName("降限")).param("type", "B").param("status", "FIRST_VISIT")
                .param("source", "OTHER"))
                .andExpect(content().string(Matchers.containsString("已达上限 3 个")));
        // The rule change is in the audit log.
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'RULE_CHANGED' AND subject = 'customer.cap.B'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void wonCustomersCountUnlessTheSettingIsOff() {
        CurrentUser rep = users.newUser("cap-won", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 19);
        fixtures.insert(CustomerFixtures.uniqueName("已成交"), "A", "WON", rep.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> customers.create(form(CustomerFixtures.uniqueName("计成交"), CustomerType.A), rep))
                .isInstanceOf(RuleViolation.class);
        CustomerRules rules = caps.rules();
        caps.update(new CustomerRules(rules.capA(), rules.capB(), rules.capC(), false, rules.version()),
                fixtures.userId("admin"), java.time.Instant.now());
        customers.create(form(CustomerFixtures.uniqueName("不计成交"), CustomerType.A), rep);
        assertThat(fixtures.countOwned(rep.id(), "A")).isEqualTo(21);
    }

    @Test
    void staleRulesFormIsRefused() throws Exception {
        mvc.perform(post("/admin/customer-rules").with(users.as("admin")).with(csrf()).param("capA", "20")
                .param("capB", "50").param("capC", "100").param("countWon", "true").param("version", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("其他人修改了这条记录")));
        mvc.perform(post("/admin/customer-rules").with(users.as("rep1")).with(csrf()).param("capA", "999")
                .param("capB", "50").param("capC", "100").param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    void tenConcurrentEditsOfOneVersionLetExactlyOneThrough() throws Exception {
        CurrentUser rep = users.newUser("edit-race", Role.REP, "rep1");
        String name = CustomerFixtures.uniqueName("并发编辑");
        long id = customers.create(form(name, CustomerType.C), rep);
        int editors = 10;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String remarks = "编辑者" + i;
            results.add(pool.submit(() -> {
                start.await();
                CustomerForm edit = new CustomerForm(name, "", CustomerType.C, "", "", CustomerSource.OTHER, "", "", "",
                        null, CustomerStatus.FIRST_VISIT, null, null, null, "", "", remarks, "", null, "", null, "", "",
                        null, 0L);
                try {
                    customers.update(id, edit, rep);
                    return "saved";
                } catch (RuleViolation e) {
                    return e.messageKey();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("saved"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("form.staleVersion"::equals).hasSize(editors - 1);
        ReliabilityFigures.record("races.txt", "race: 10 concurrent edits of one customer version → 1 saved, "
                + (editors - 1) + " told someone else changed it");
        assertThat(fixtures.jdbc().sql("SELECT version FROM customer WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(1L);
    }

    static CustomerForm form(String name, CustomerType type) {
        return new CustomerForm(name, "", type, "", "", CustomerSource.OTHER, "", "", "", null,
                CustomerStatus.FIRST_VISIT, null, null, null, "", "", "", "", null, "", null, "", "", null, null);
    }
}
