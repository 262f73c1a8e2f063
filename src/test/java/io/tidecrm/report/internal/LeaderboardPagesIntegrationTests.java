package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.tidecrm.contract.ContractTestSupport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leaderboard's pages and the facts of the real modules on the boards: scoped drill-downs,
 * targets, the business-zone midnight, an owner change after a payment, the rebuild, and a
 * listener that fails.
 */
@IntegrationTest
class LeaderboardPagesIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures customers;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    LedgerRebuild rebuild;

    @Autowired
    IncompleteEventPublications incomplete;

    LedgerFixtures facts;
    CurrentUser manager;

    @BeforeEach
    void setUp() {
        facts = new LedgerFixtures(publisher, tx, deliveries);
        manager = users.newManagerOfNewTeam("页");
    }

    CurrentUser rep(String prefix) {
        return users.newUser(prefix, Role.REP, manager.getUsername());
    }

    String page(CurrentUser viewer, String path) throws Exception {
        return mvc.perform(get(path).with(users.as(viewer.getUsername()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    BigDecimal figure(Board board, LocalDate day, CurrentUser rep) {
        return leaderboard.rank(board, Period.containing(Period.Kind.DAY, day), null, rep).rows().stream()
                .filter(r -> r.userId() == rep.id()).findFirst().orElseThrow().value();
    }

    @Test
    void theLeaderboardListsEveryRepOfTheTeamAndPinsTheViewersRow() throws Exception {
        CurrentUser a = rep("页甲");
        CurrentUser b = rep("页乙");
        facts.payment(a, manager.teamId(), LocalDate.of(2026, 3, 3), "100.00", 1);

        String html = page(b, "/leaderboard?board=PAYMENTS&period=MONTH&date=2026-03-03&team=" + manager.teamId());

        assertThat(html).contains("id=\"rank-" + a.id() + "\"", "id=\"rank-" + b.id() + "\"", "id=\"my-rank\"",
                "我的排名：第 2 名", "¥100.00");
        assertThat(html).doesNotContain("id=\"live-badge\"");
    }

    @Test
    void aValueTheAddressGetsWrongIsNamedOnThePageAndTheRankingStillShows() throws Exception {
        String html = page(manager, "/leaderboard?date=2026-13-45&team=abc");
        assertThat(html).contains("“日期”不是有效日期", "id=\"ranking\"", "id=\"live-badge\"");

        html = page(manager, "/leaderboard?period=CUSTOM&from=2026-03-10&to=2026-03-01");
        assertThat(html).contains("“结束日期”早于“开始日期”", "id=\"ranking\"");

        html = page(manager, "/leaderboard?team=999999999");
        assertThat(html).contains("没有这个团队");
    }

    @Test
    void theRecordsBehindAFigureAreOnlyThoseOfCustomersTheViewerMaySee() throws Exception {
        CurrentUser owner = rep("明细主");
        CurrentUser colleague = rep("明细同事");
        long customer = customers.insert(CustomerFixtures.uniqueName("明细客户"), "A", "INTENT", owner.id());
        facts.payment(owner, manager.teamId(), LocalDate.of(2026, 3, 3), "88.00", customer);
        String path = "/leaderboard/facts?board=PAYMENTS&period=MONTH&date=2026-03-01&user=" + owner.id();

        String asOwner = page(owner, path);
        String asColleague = page(colleague, path);
        String asManager = page(manager, path);

        assertThat(asOwner).contains("/customers/" + customer).doesNotContain("id=\"hidden-facts\"");
        assertThat(asManager).contains("/customers/" + customer);
        assertThat(asColleague).doesNotContain("/customers/" + customer).contains("id=\"hidden-facts\"",
                "有 1 条属于您无权查看的客户");
    }

    @Test
    void targetsAreSetByTheTeamsManagerAndRefusedToReps() throws Exception {
        CurrentUser rep = rep("目标页");
        mvc.perform(get("/targets").with(users.as(rep.getUsername()))).andExpect(status().isForbidden());

        mvc.perform(post("/targets").with(users.as(manager.getUsername())).with(csrf()).param("month", "2026-03")
                .param("team", String.valueOf(manager.teamId())).param("PAYMENTS:U" + rep.id(), "50,000")
                .param("PAYMENTS:T" + manager.teamId(), "120000"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT amount FROM sales_target WHERE user_id = ? AND board = 'PAYMENTS'"
                + " AND month = '2026-03-01'").params(rep.id()).query(BigDecimal.class).single())
                .isEqualByComparingTo("50000");
        assertThat(page(manager, "/targets?month=2026-03&team=" + manager.teamId())).contains("value=\"120000\"");
    }

    @Test
    void aTargetThatIsNoAmountIsRefusedNamingTheRepAndTheBoardAndKeepsWhatWasTyped() throws Exception {
        CurrentUser rep = rep("目标错");
        String html = mvc.perform(post("/targets").with(users.as(manager.getUsername())).with(csrf())
                .param("month", "2026-03").param("team", String.valueOf(manager.teamId()))
                .param("PAYMENTS:U" + rep.id(), "五万").param("CONTRACT_AMOUNT:U" + rep.id(), "80000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("部分目标未保存", rep.displayName() + " 的回款金额：请输入金额", "value=\"五万\"",
                "value=\"80000\"");
        assertThat(jdbc.sql("SELECT count(*) FROM sales_target WHERE user_id = ?").params(rep.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aManagerMayNotSetTheTargetsOfAnotherTeam() throws Exception {
        CurrentUser other = users.newManagerOfNewTeam("别组");
        CurrentUser rep = rep("别组成员");
        mvc.perform(post("/targets").with(users.as(other.getUsername())).with(csrf()).param("month", "2026-03")
                .param("team", String.valueOf(manager.teamId())).param("PAYMENTS:U" + rep.id(), "1"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT count(*) FROM sales_target WHERE user_id = ?").params(rep.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFollowUpIsCreditedToTheBusinessDayItWasSavedOnAcrossMidnight() throws Exception {
        CurrentUser rep = rep("午夜");
        long customer = customers.insert(CustomerFixtures.uniqueName("午夜客户"), "A", "INTENT", rep.id());
        LocalDate day = LocalDate.of(2027, 9, 1);
        clock.setInstant(day.atTime(23, 59, 59).atZone(ZONE).toInstant());
        followUp(rep, customer, "2027-09-01T23:30");
        clock.setInstant(day.plusDays(1).atTime(0, 0, 1).atZone(ZONE).toInstant());
        followUp(rep, customer, "2027-09-01T23:40");
        followUp(rep, customer, "2027-09-02T00:00");
        deliveries.awaitAll();

        assertThat(figure(Board.FOLLOW_UPS, day, rep)).isEqualByComparingTo("1");
        assertThat(figure(Board.FOLLOW_UPS, day.plusDays(1), rep)).isEqualByComparingTo("2");
    }

    void followUp(CurrentUser rep, long customer, String occurredAt) throws Exception {
        mvc.perform(post("/customers/{id}/follow-ups", customer).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "PHONE").param("occurredAt", occurredAt).param("content", "电话沟通"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aPaymentStaysCreditedToTheOwnerAtTheTimeAfterTheCustomerIsTransferred() throws Exception {
        CurrentUser seller = users.newUser("转前", Role.REP, "rep1");
        CurrentUser receiver = users.newUser("转后", Role.REP, "rep1");
        ContractTestSupport contracts = new ContractTestSupport(mvc, users, customers);
        long contract = contracts.approved(seller.getUsername(), "manager1", "1");
        contracts.pay(seller.getUsername(), contract, "1000.00", null).andExpect(status().is3xxRedirection());
        long customer = jdbc.sql("SELECT customer_id FROM contract WHERE id = ?").params(contract)
                .query(Long.class).single();
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                .param("ids", Long.toString(customer)).param("targetUserId", Long.toString(receiver.id()))
                .param("reason", "调整")).andExpect(status().is3xxRedirection());
        deliveries.awaitAll();

        LocalDate today = LocalDate.now(clock);
        assertThat(figure(Board.PAYMENTS, today, seller)).isEqualByComparingTo("1000.00");
        assertThat(figure(Board.PAYMENTS, today, receiver)).isEqualByComparingTo("0");
        assertThat(figure(Board.CONTRACT_AMOUNT, today, seller)).isEqualByComparingTo("4980.00");
        assertThat(figure(Board.NEW_CUSTOMERS, today, receiver)).isEqualByComparingTo("0");
    }

    @Test
    void theRebuildFromTheSourceFactsAgreesWithTheLedger() throws Exception {
        LocalDate day = LocalDate.of(2027, 10, 12);
        clock.setInstant(day.atTime(10, 0).atZone(ZONE).toInstant());
        CurrentUser rep = users.newUser("重建", Role.REP, "rep1");
        ContractTestSupport contracts = new ContractTestSupport(mvc, users, customers);
        long contract = contracts.approved(rep.getUsername(), "manager1", "2");
        contracts.pay(rep.getUsername(), contract, "300.00", null).andExpect(status().is3xxRedirection());
        long customer = jdbc.sql("SELECT customer_id FROM contract WHERE id = ?").params(contract)
                .query(Long.class).single();
        followUp(rep, customer, "2027-10-12T09:30");
        deliveries.awaitAll();

        LedgerRebuild.Report report = rebuild.rebuild(day, day, false);

        assertThat(report.examples()).isEmpty();
        assertThat(report.agrees()).isTrue();
        assertThat(report.boards()).filteredOn(b -> b.board() == Board.PAYMENTS).singleElement()
                .satisfies(b -> assertThat(b.recomputed()).isEqualTo(1));

        jdbc.sql("DELETE FROM board_fact WHERE board = 'PAYMENTS' AND user_id = ?").params(rep.id()).update();
        LedgerRebuild.Report missing = rebuild.rebuild(day, day, true);
        assertThat(missing.agrees()).isFalse();
        assertThat(missing.added()).isEqualTo(1);
        assertThat(rebuild.rebuild(day, day, false).agrees()).isTrue();
        assertThat(figure(Board.PAYMENTS, day, rep)).isEqualByComparingTo("300.00");
    }

    @Test
    void theRebuildCreditsAFactItAddsToTheTeamItsUserWasInThatDay() throws Exception {
        LocalDate day = LocalDate.of(2027, 11, 9);
        clock.setInstant(day.atTime(10, 0).atZone(ZONE).toInstant());
        CurrentUser rep = users.newUser("rebuild-move", Role.REP, "rep1"); // a name the user form accepts
        CurrentUser otherManager = users.newManagerOfNewTeam("重建新组");
        ContractTestSupport contracts = new ContractTestSupport(mvc, users, customers);
        long contract = contracts.approved(rep.getUsername(), "manager1", "1");
        contracts.pay(rep.getUsername(), contract, "200.00", null).andExpect(status().is3xxRedirection());
        deliveries.awaitAll();
        // Five days later the administrator moves the rep to another team.
        clock.setInstant(day.plusDays(5).atTime(10, 0).atZone(ZONE).toInstant());
        long version = jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(rep.id()).query(Long.class).single();
        mvc.perform(post("/admin/users/{id}", rep.id()).with(users.as("admin")).with(csrf())
                .param("username", rep.getUsername()).param("displayName", rep.displayName()).param("role", "REP")
                .param("enabled", "true").param("teamId", String.valueOf(otherManager.teamId()))
                .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());

        jdbc.sql("DELETE FROM board_fact WHERE board = 'PAYMENTS' AND user_id = ?").params(rep.id()).update();
        assertThat(rebuild.rebuild(day, day, true).added()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT team_id FROM board_fact WHERE board = 'PAYMENTS' AND user_id = ?")
                .params(rep.id()).query(Long.class).single()).isEqualTo(rep.teamId()).isNotEqualTo(otherManager.teamId());
    }

    @Test
    void aFailingListenerDoesNotRollBackTheApproval() throws Exception {
        CurrentUser rep = users.newUser("失败", Role.REP, "rep1");
        ContractTestSupport contracts = new ContractTestSupport(mvc, users, customers);
        long contract = contracts.contract(rep.getUsername(), "1");
        contracts.submit(rep.getUsername(), contract).andExpect(status().is3xxRedirection());
        jdbc.sql("ALTER TABLE board_fact ADD CONSTRAINT test_refuse_contract CHECK (record_id <> " + contract
                + ") NOT VALID").update();
        try {
            contracts.decide("manager1", contract, "APPROVED", "同意").andExpect(status().is3xxRedirection());
            deliveries.awaitAll();

            assertThat(contracts.state(contract)).isEqualTo("APPROVED");
            assertThat(ledgerFacts(contract)).isZero();
        } finally {
            jdbc.sql("ALTER TABLE board_fact DROP CONSTRAINT test_refuse_contract").update();
        }
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof io.tidecrm.contract.ContractApproved a
                && a.contractId() == contract);
        deliveries.awaitAll();
        assertThat(ledgerFacts(contract)).isEqualTo(2);
    }

    int ledgerFacts(long contract) {
        return jdbc.sql("SELECT count(*) FROM board_fact WHERE record_id = ? AND board IN ('CONTRACT_AMOUNT',"
                + " 'CONTRACTS_APPROVED')").params(contract).query(Integer.class).single();
    }

    @Test
    void theAdministratorsRebuildPageNamesAWrongRange() throws Exception {
        String html = mvc.perform(post("/admin/leaderboard/rebuild").with(users.as("admin")).with(csrf())
                .param("from", "2026-03-10").param("to", "2026-03-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("“结束日期”早于“开始日期”", "value=\"2026-03-10\"");
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZONE).toInstant();
    }
}
