package io.tidecrm.contract;

import static io.tidecrm.contract.ContractTestSupport.body;
import static io.tidecrm.contract.ContractTestSupport.flashKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Contracts through their pages: server-computed totals, the approval state machine and its
 * race, won customers, the payment plan and payments, the overdue ageing, bad input and XSS.
 */
@IntegrationTest
class ContractIntegrationTests {

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

    ContractTestSupport t;

    @BeforeEach
    void setUp() {
        t = new ContractTestSupport(mvc, users, fixtures);
    }

    // --- totals

    @Test
    void totalsAreComputedOnTheServerAndATamperedTotalIsIgnored() throws Exception {
        long customer = t.customerOf("rep1");
        long basic = t.catalog.basicEdition();      // 4,980.00 / 套
        long archive = t.catalog.sessionArchive();  // 500.00 / 座席
        long id = t.create(t.newContract("rep1", customer, "两条明细", "2")
                .param("total", "1.00").param("lines[0].discount", "10").param("lines[0].lineTotal", "1.00")
                .param("lines[1].productId", String.valueOf(archive)).param("lines[1].quantity", "3")
                .param("lines[1].unitPrice", "").param("lines[1].lineTotal", "0.01")
                .param("lines[2].productId", "").param("lines[2].quantity", ""));
        // 2 × 4980 × 90% = 8964.00 and 3 × 500 (catalog price) = 1500.00
        assertThat(t.total(id)).isEqualByComparingTo("10464.00");
        assertThat(t.jdbc().sql("SELECT line_total FROM contract_line WHERE contract_id = ? ORDER BY position")
                .param(id).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("8964.00"), new BigDecimal("1500.00"));
        assertThat(t.page("rep1", "/contracts/" + id)).contains("¥10,464.00", "¥8,964.00", "¥1,500.00", "草稿");
        // The unit price is editable and defaults from the catalog only when left empty.
        mvc.perform(post("/contracts/{id}", id).with(users.as("rep1")).with(csrf())
                .param("title", "两条明细").param("status", "IN_PROGRESS").param("type", "DIRECT")
                .param("paymentMethod", "CASH").param("signDate", "2030-01-15").param("version", "0")
                .param("total", "99999")
                .param("lines[0].productId", String.valueOf(basic)).param("lines[0].quantity", "1.5")
                .param("lines[0].unitPrice", "4000").param("lines[0].discount", "12.5"))
                .andExpect(status().is3xxRedirection());
        assertThat(t.total(id)).isEqualByComparingTo("5250.00"); // 1.5 × 4000 × 87.5%
    }

    @Test
    void creatingAContractCountsAsFollowingUpTheCustomer() throws Exception {
        long customer = t.customerOf("rep1");
        Instant before = Instant.parse("2020-01-01T00:00:00Z");
        t.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?").params(Timestamp.from(before), customer).update();
        t.create(t.newContract("rep1", customer, "跟进", "1"));
        assertThat(t.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customer)
                .query(Timestamp.class).single().toInstant()).isAfter(before);
    }

    // --- approval

    @Test
    void draftIsSubmittedAndTheTeamManagerApprovesWithTheDecisionKeptNotifiedAndAudited() throws Exception {
        long id = t.contract("rep1", "1");
        assertThat(t.state(id)).isEqualTo("DRAFT");
        t.submit("rep1", id).andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        assertThat(t.page("manager1", "/approvals")).contains("contract-" + id);
        assertThat((Long) mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/contracts")
                .with(users.as("manager1"))).andReturn().getModelAndView().getModel().get("pendingApprovals")).isPositive();
        t.decide("manager1", id, "APPROVED", "同意").andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("APPROVED");
        assertThat(t.jdbc().sql("""
                SELECT decision || ':' || comment || ':' || decided_by_id FROM contract_decision WHERE contract_id = ?
                """).param(id).query(String.class).list())
                .containsExactly("APPROVED:同意:" + fixtures.userId("manager1"));
        deliveries.awaitAll();
        assertThat(t.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'CONTRACT_APPROVED' AND link = ?")
                .params(fixtures.userId("rep1"), "/contracts/" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(t.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'CONTRACT_SUBMITTED' AND link = ?")
                .params(fixtures.userId("manager1"), "/contracts/" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(t.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'APPROVAL_DECIDED' AND subject LIKE ?")
                .param("%contract #" + id + ",%").query(Long.class).single()).isEqualTo(1);
        assertThat(t.page("manager1", "/approvals")).doesNotContain("contract-" + id);
    }

    @Test
    void rejectionNeedsACommentAndTheEditedContractIsSubmittedAgain() throws Exception {
        long id = t.contract("rep1", "1");
        t.submit("rep1", id);
        assertThat(body(t.decide("manager1", id, "REJECTED", "  ").andExpect(status().isOk()))).contains("请填写驳回原因");
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        t.decide("manager1", id, "REJECTED", "价格太低").andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("REJECTED");
        assertThat(t.page("rep1", "/contracts/" + id)).contains("价格太低", "已驳回");
        deliveries.awaitAll();
        assertThat(t.jdbc().sql("SELECT message_args FROM notification WHERE recipient_id = ? AND kind = 'CONTRACT_REJECTED' AND link = ?")
                .params(fixtures.userId("rep1"), "/contracts/" + id).query(String.class).single()).contains("价格太低");
        // Payments are refused while not approved.
        assertThat(body(t.pay("rep1", id, "100", null).andExpect(status().isOk()))).contains("只有审批通过的合同才能登记回款");
        t.submit("rep1", id).andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        t.decide("admin", id, "APPROVED", "").andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("APPROVED");
        assertThat(t.jdbc().sql("SELECT decision FROM contract_decision WHERE contract_id = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("REJECTED", "APPROVED");
    }

    @Test
    void nobodyApprovesTheirOwnContractNotEvenAnAdministrator() throws Exception {
        long managers = t.contract("manager1", "1");
        t.submit("manager1", managers);
        ResultActions own = t.decide("manager1", managers, "APPROVED", "");
        assertThat(body(own.andExpect(status().isOk()))).contains("任何人不能审批自己提交的合同");

        long admins = t.contract("admin", "1");
        t.submit("admin", admins);
        assertThat(body(t.decide("admin", admins, "APPROVED", "").andExpect(status().isOk())))
                .contains("任何人不能审批自己提交的合同");
        assertThat(t.state(managers)).isEqualTo("SUBMITTED");
        assertThat(t.state(admins)).isEqualTo("SUBMITTED");
        // The manager's own submission goes to an administrator.
        t.decide("admin", managers, "APPROVED", "").andExpect(status().is3xxRedirection());
        assertThat(t.state(managers)).isEqualTo("APPROVED");
    }

    @Test
    void aRepCannotApproveAndAnotherTeamsManagerDoesNotEvenSeeIt() throws Exception {
        long id = t.contract("rep1", "1");
        t.submit("rep1", id);
        // rep1 can see it (own customer) but a rep cannot approve; rep2 of the same team cannot see it.
        assertThat(body(t.decide("rep1", id, "APPROVED", "").andExpect(status().isOk()))).contains("任何人不能审批自己提交的合同");
        // A rep of the team who may see the customer (it was handed to them) still cannot approve.
        fixtures.jdbc().sql("UPDATE customer SET owner_id = ? WHERE id = (SELECT customer_id FROM contract WHERE id = ?)")
                .params(fixtures.userId("rep2"), id).update();
        assertThat(body(t.decide("rep2", id, "APPROVED", "").andExpect(status().isOk()))).contains("销售代表不能审批合同");
        t.decide("manager2", id, "APPROVED", "").andExpect(status().isNotFound());
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        assertThat(t.jdbc().sql("SELECT count(*) FROM contract_decision WHERE contract_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aManagerWhoSeesTheCustomerButDoesNotLeadTheSubmittersTeamCannotDecide() throws Exception {
        // rep3 (华南) submits a contract of a customer that then moves to rep1 (华东): manager1 sees it, but rep3 is not theirs.
        long id = t.contract("rep3", "1");
        t.submit("rep3", id);
        fixtures.jdbc().sql("UPDATE customer SET owner_id = ? WHERE id = (SELECT customer_id FROM contract WHERE id = ?)")
                .params(fixtures.userId("rep1"), id).update();
        assertThat(body(t.decide("manager1", id, "APPROVED", "").andExpect(status().isOk())))
                .contains("只有提交人所在团队的经理或管理员可以审批该合同");
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void twoDecisionsAtTheSameMomentExactlyOneTakesEffect() throws Exception {
        for (int round = 0; round < 3; round++) {
            long id = t.contract("rep1", "1");
            t.submit("rep1", id);
            long version = t.version(id);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (String[] who : List.of(new String[] { "manager1", "APPROVED", "" },
                        new String[] { "admin", "REJECTED", "不行" })) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return mvc.perform(post("/contracts/{id}/decision", id).with(users.as(who[0])).with(csrf())
                                .param("decision", who[1]).param("comment", who[2])
                                .param("version", String.valueOf(version)))
                                .andReturn().getResponse().getStatus();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(302, 200);
            } finally {
                pool.shutdown();
            }
            List<String> decisions = t.jdbc().sql("SELECT decision FROM contract_decision WHERE contract_id = ?")
                    .param(id).query(String.class).list();
            assertThat(decisions).hasSize(1);
            assertThat(t.state(id)).isEqualTo(decisions.get(0));
            io.tidecrm.support.ReliabilityFigures.record("races.txt",
                    "race: approve and reject of one contract at the same moment → 1 decision taken ("
                            + decisions.get(0) + "), 1 refused");
        }
    }

    @Test
    void changingTheMoneyTermsOfAnApprovedContractSendsItBackForApproval() throws Exception {
        long id = t.approved("rep1", "manager1", "2");
        // Terms other than money keep the approval.
        mvc.perform(post("/contracts/{id}", id).with(users.as("rep1")).with(csrf()).param("title", "改名不改钱")
                .param("status", "IN_PROGRESS").param("type", "SERVICE").param("paymentMethod", "CASH")
                .param("signDate", "2030-01-15").param("version", String.valueOf(t.version(id)))
                .param("lines[0].productId", String.valueOf(t.catalog.basicEdition())).param("lines[0].quantity", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("APPROVED");
        // A new quantity is a money change.
        mvc.perform(post("/contracts/{id}", id).with(users.as("rep1")).with(csrf()).param("title", "改钱")
                .param("status", "IN_PROGRESS").param("type", "SERVICE").param("paymentMethod", "CASH")
                .param("signDate", "2030-01-15").param("version", String.valueOf(t.version(id)))
                .param("lines[0].productId", String.valueOf(t.catalog.basicEdition())).param("lines[0].quantity", "3"))
                .andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        assertThat(t.total(id)).isEqualByComparingTo("14940.00");
        t.decide("manager1", id, "APPROVED", "").andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("APPROVED");
        // So is a change of the payment plan.
        t.addInstalment("rep1", id, "2030-03-01", "1000").andExpect(status().is3xxRedirection());
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
        // An approver who looked at the contract before the plan changed is told it changed.
        long seen = t.version(id);
        t.addInstalment("rep1", id, "2030-04-01", "1000").andExpect(status().is3xxRedirection());
        assertThat(body(mvc.perform(post("/contracts/{id}/decision", id).with(users.as("manager1")).with(csrf())
                .param("decision", "APPROVED").param("version", String.valueOf(seen))).andExpect(status().isOk())))
                .contains("其他人刚刚审批或修改了这个合同");
        assertThat(t.state(id)).isEqualTo("SUBMITTED");
    }

    // --- won

    @Test
    void approvalMarksTheCustomerWonAndAWonCustomerIsNeverReclaimed() throws Exception {
        long id = t.contract("rep1", "1");
        long customer = t.jdbc().sql("SELECT customer_id FROM contract WHERE id = ?").param(id).query(Long.class).single();
        long control = t.customerOf("rep1");
        t.submit("rep1", id);
        assertThat(customerStatus(customer)).isEqualTo("INTENT");
        t.decide("manager1", id, "APPROVED", "").andExpect(status().is3xxRedirection());
        assertThat(customerStatus(customer)).isEqualTo("WON");

        Timestamp enabledAt = t.jdbc().sql("SELECT enabled_at FROM pool_rules").query(Timestamp.class).single();
        try {
            t.jdbc().sql("UPDATE pool_rules SET enabled_at = '2000-01-01'").update();
            t.jdbc().sql("UPDATE customer SET clock_at = '2000-01-02' WHERE id IN (?, ?)").params(customer, control)
                    .update();
            mvc.perform(post("/admin/pool-runs/reclaim").with(users.as("admin")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        } finally {
            t.jdbc().sql("UPDATE pool_rules SET enabled_at = ?").param(enabledAt).update();
        }
        assertThat(owner(control)).as("the stale control customer went to the pool").isNull();
        assertThat(owner(customer)).as("the won customer stays with its owner").isEqualTo(fixtures.userId("rep1"));
    }

    // --- plan and payments

    @Test
    void planAndPaymentsNeverAddUpToMoreThanTheTotal() throws Exception {
        long id = t.approved("rep1", "manager1", "1"); // 4,980.00
        t.addInstalment("rep1", id, "2030-02-01", "3000").andExpect(status().is3xxRedirection());
        assertThat(body(t.addInstalment("rep1", id, "2030-03-01", "1980.01").andExpect(status().isOk())))
                .contains("回款计划将超过合同金额", "¥1,980.00");
        t.addInstalment("rep1", id, "2030-03-01", "1980").andExpect(status().is3xxRedirection());
        t.decide("manager1", id, "APPROVED", "").andExpect(status().is3xxRedirection());

        t.pay("rep1", id, "4000", null).andExpect(status().is3xxRedirection());
        assertThat(body(t.pay("rep1", id, "980.01", null).andExpect(status().isOk())))
                .contains("回款将超过合同金额", "¥980.00");
        t.pay("rep1", id, "980", null).andExpect(status().is3xxRedirection());
        assertThat(t.received(id)).isEqualByComparingTo("4980.00");
        // The total cannot fall below what was received.
        assertThat(body(mvc.perform(post("/contracts/{id}", id).with(users.as("rep1")).with(csrf()).param("title", "降价")
                .param("status", "IN_PROGRESS").param("type", "DIRECT").param("paymentMethod", "CASH")
                .param("signDate", "2030-01-15").param("version", String.valueOf(t.version(id)))
                .param("lines[0].productId", String.valueOf(t.catalog.sessionArchive())).param("lines[0].quantity", "1"))
                .andExpect(status().isOk()))).contains("合同金额不能低于");
    }

    @Test
    void concurrentPaymentsNeverExceedTheTotal() throws Exception {
        long id = t.approved("rep1", "manager1", "1"); // 4,980.00
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return t.pay("rep1", id, "2000", null).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            long accepted = 0;
            for (Future<Integer> f : results) {
                accepted += f.get() == 302 ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(2);
            io.tidecrm.support.ReliabilityFigures.record("races.txt",
                    "race: 4 concurrent payments of 2,000.00 on a 4,980.00 contract → 2 accepted, 2 refused");
        } finally {
            pool.shutdown();
        }
        assertThat(t.received(id)).isEqualByComparingTo("4000.00");
    }

    @Test
    void anInstalmentMayBePaidInPartsButNotBeyondItsAmount() throws Exception {
        long id = t.contract("rep1", "1");
        t.addInstalment("rep1", id, "2030-02-01", "3000").andExpect(status().is3xxRedirection());
        t.submit("rep1", id);
        t.decide("manager1", id, "APPROVED", "");
        long instalment = t.instalment(id, "2030-02-01");
        t.pay("rep1", id, "1000", instalment).andExpect(status().is3xxRedirection());
        t.pay("rep1", id, "1500.50", instalment).andExpect(status().is3xxRedirection());
        assertThat(body(t.pay("rep1", id, "499.51", instalment).andExpect(status().isOk())))
                .contains("回款将超过该期计划", "¥499.50");
        t.pay("rep1", id, "499.50", instalment).andExpect(status().is3xxRedirection());
        String page = t.page("rep1", "/contracts/" + id);
        assertThat(page).contains("已回清");
        assertThat(t.received(id)).isEqualByComparingTo("3000.00");
        // An instalment of another contract is refused.
        long other = t.approved("rep1", "manager1", "1");
        assertThat(body(t.pay("rep1", other, "1", instalment).andExpect(status().isOk()))).contains("请选择本合同的回款计划");
        // An instalment with payments stays.
        assertThat(flashKey(mvc.perform(post("/contracts/{id}/instalments/{i}/delete", id, instalment)
                .with(users.as("rep1")).with(csrf())))).isEqualTo("contract.plan.hasPayments");
    }

    @Test
    void theContractShowsOutstandingAndOverdueInstalmentsWithTheirAgeAndTheOverdueListBucketsThem() throws Exception {
        // Before every other test's due dates, so that the overdue list holds this contract's instalments only.
        clock.setInstant(Instant.parse("2001-06-30T04:00:00Z")); // 12:00 in Shanghai
        // A rep of their own, so that the overdue list holds this contract only.
        var rep = users.newUser("overdue", io.tidecrm.identity.Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("逾期"), "B", "INTENT", rep.id());
        long id = t.create(t.newContract(rep.getUsername(), customer, "逾期合同", "10")); // 49,800.00
        LocalDate today = LocalDate.parse("2001-06-30");
        int[] ages = { 0, 1, 30, 31, 60, 61, 90, 91, 400 };
        for (int age : ages) {
            t.addInstalment(rep.getUsername(), id, today.minusDays(age).toString(), "1000")
                    .andExpect(status().is3xxRedirection());
        }
        t.submit(rep.getUsername(), id);
        t.decide("manager1", id, "APPROVED", "").andExpect(status().is3xxRedirection());
        // Half of the 31-day one is paid: it stays overdue with the rest.
        t.pay(rep.getUsername(), id, "500", t.instalment(id, today.minusDays(31).toString()))
                .andExpect(status().is3xxRedirection());
        // The 1-day one is paid in full: no longer overdue.
        t.pay(rep.getUsername(), id, "1000", t.instalment(id, today.minusDays(1).toString()))
                .andExpect(status().is3xxRedirection());

        String detail = t.page(rep.getUsername(), "/contracts/" + id);
        assertThat(detail).contains("逾期 30 天", "逾期 31 天", "逾期 400 天").doesNotContain("逾期 0 天", "逾期 1 天");
        assertThat(detail).contains("¥1,500.00", "¥48,300.00"); // received, outstanding

        String overdue = t.page("manager1", "/contracts/overdue");
        assertThat(bucket(overdue, "DAYS_1_30")).contains("1</span>", "¥1,000.00");     // 30
        assertThat(bucket(overdue, "DAYS_31_60")).contains("2</span>", "¥1,500.00");    // 31 (half paid), 60
        assertThat(bucket(overdue, "DAYS_61_90")).contains("2</span>", "¥2,000.00");    // 61, 90
        assertThat(bucket(overdue, "DAYS_90_PLUS")).contains("2</span>", "¥2,000.00");  // 91, 400
        // Another team's manager does not see them; a rep may not open the list.
        assertThat(t.page("manager2", "/contracts/overdue")).doesNotContain("逾期合同");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/contracts/overdue")
                .with(users.as("rep1"))).andExpect(status().isForbidden());
        // Time passes: the 30-day one moves to the next bucket.
        clock.advance(Duration.ofDays(1));
        assertThat(bucket(t.page("manager1", "/contracts/overdue"), "DAYS_1_30")).contains("0</span>");
    }

    // --- bad input and XSS

    @Test
    void badInputGivesMessagesWithTheInputKeptNeverAServerError() throws Exception {
        long customer = t.customerOf("rep1");
        assertThat(body(mvc.perform(t.newContract("rep1", customer, "坏输入", "abc")).andExpect(status().isOk())))
                .contains("value=\"abc\"", "请填写数字");
        String page = body(mvc.perform(t.newContract("rep1", customer, "坏输入", "-2")
                .param("lines[0].unitPrice", "-5").param("lines[0].discount", "150"))
                .andExpect(status().isOk()));
        assertThat(page).contains("value=\"-2\"", "value=\"-5\"", "value=\"150\"", "数量必须大于 0", "单价不能为负数",
                "优惠（减免 %）须在 0 到 100 之间");
        assertThat(body(mvc.perform(post("/customers/{id}/contracts", customer).with(users.as("rep1")).with(csrf())
                .param("title", "坏日期").param("status", "NOT_STARTED").param("type", "DIRECT")
                .param("paymentMethod", "BANK_TRANSFER").param("signDate", "昨天")
                .param("lines[0].productId", String.valueOf(t.catalog.basicEdition())).param("lines[0].quantity", "1"))
                .andExpect(status().isOk()))).contains("value=\"昨天\"", "请填写日期（年-月-日）");
        assertThat(body(mvc.perform(post("/customers/{id}/contracts", customer).with(users.as("rep1")).with(csrf())
                .param("title", "没有明细").param("status", "NOT_STARTED").param("type", "DIRECT")
                .param("paymentMethod", "BANK_TRANSFER").param("signDate", "2030-01-15"))
                .andExpect(status().isOk()))).contains("合同至少需要一行产品明细");

        long id = t.approved("rep1", "manager1", "1");
        assertThat(body(t.pay("rep1", id, "十块", null).andExpect(status().isOk()))).contains("value=\"十块\"");
        assertThat(body(t.pay("rep1", id, "-1", null).andExpect(status().isOk()))).contains("金额必须大于 0", "value=\"-1\"");
        assertThat(body(t.addInstalment("rep1", id, "2030-01-01", "x1").andExpect(status().isOk()))).contains("value=\"x1\"");
        assertThat(body(t.addInstalment("rep1", id, "not-a-date", "1").andExpect(status().isOk()))).contains("value=\"not-a-date\"");
        mvc.perform(post("/contracts/{id}/decision", id).with(users.as("manager1")).with(csrf())
                .param("decision", "MAYBE").param("version", "x")).andExpect(status().isOk());
        assertThat(t.received(id)).isEqualByComparingTo("0");
    }

    @Test
    void xssPayloadsInTitleAndRemarksRenderInert() throws Exception {
        String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        long customer = t.customerOf("rep1");
        long id = t.create(t.newContract("rep1", customer, payload, "1").param("remarks", payload));
        t.submit("rep1", id);
        for (String path : List.of("/contracts/" + id, "/contracts", "/customers/" + customer, "/contracts/" + id + "/edit")) {
            String page = t.page("rep1", path);
            assertThat(page).as(path).doesNotContain("<script>alert(1)", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(t.page("manager1", "/approvals")).doesNotContain("<script>alert(1)");
    }

    private String customerStatus(long customer) {
        return t.jdbc().sql("SELECT status FROM customer WHERE id = ?").param(customer).query(String.class).single();
    }

    private Long owner(long customer) {
        return t.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customer).query(Long.class).optional()
                .orElse(null);
    }

    /** The card of one ageing bucket on the overdue page. */
    private static String bucket(String page, String range) {
        int start = page.indexOf("id=\"bucket-" + range + "\"");
        assertThat(start).as("bucket " + range).isNotNegative();
        return page.substring(start, page.indexOf("</div>\n      </div>", start));
    }
}
