package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.contract.CollectionStatistics;
import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.followup.FollowUpStatistics;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.lead.LeadStatistics;
import io.tidecrm.identity.Role;
import io.tidecrm.sales.PipelineStatistics;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sales reports (SPEC "Reports"): each figure against a hand-built data set of a fresh team,
 * inside the viewer's scope, and the .xlsx exports (managers and administrators only, audited).
 */
@IntegrationTest
class AnalyticsIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Friday morning in the business zone; every date below is relative to it. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PipelineStatistics pipeline;

    @Autowired
    CollectionStatistics collections;

    @Autowired
    CustomerStatistics customerStatistics;

    @Autowired
    FollowUpStatistics followUps;

    @Autowired
    LeadStatistics leads;

    CurrentUser manager;
    CurrentUser rep;
    CurrentUser otherRep;

    @BeforeEach
    void team() {
        clock.setInstant(TODAY.atTime(10, 0).atZone(ZONE).toInstant());
        manager = users.newManagerOfNewTeam("报表经理");
        rep = users.newUser("报表销售", Role.REP, manager.getUsername());
        otherRep = users.newUser("别组销售", Role.REP, null);
    }

    static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(11, 0).atZone(ZONE).toInstant());
    }

    long customer(CurrentUser owner) {
        return customers.insert(CustomerFixtures.uniqueName("报表"), "B", "INTENT", owner.id());
    }

    long opportunity(long customer, CurrentUser owner, String stage, String amount, int probability,
            String lostReason, LocalDate closedOn) {
        return jdbc.sql("""
                INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date, probability,
                                         lost_reason, created_by_id, created_at, updated_at, closed_at)
                VALUES (:customer, :owner, '报表商机', :stage, :amount, :close, :probability, :reason, :owner, :now, :now, :closed)
                RETURNING id
                """)
                .param("customer", customer).param("owner", owner.id()).param("stage", stage)
                .param("amount", new BigDecimal(amount)).param("close", Date.valueOf(TODAY.plusDays(30)))
                .param("probability", probability).param("reason", lostReason).param("now", at(TODAY.minusDays(40)))
                .param("closed", closedOn == null ? null : at(closedOn))
                .query(Long.class).single();
    }

    long contract(long customer, CurrentUser owner, String approval, LocalDate serviceEnd, String status) {
        return jdbc.sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, service_start,
                                      service_end, total, approval_state, submitted_by_id, created_by_id, created_at, updated_at)
                VALUES (:customer, :owner, '报表合同', :status, 'DIRECT', 'BANK_TRANSFER', :sign, :sign, :end, 3000,
                        :approval, :owner, :owner, :now, :now)
                RETURNING id
                """)
                .param("customer", customer).param("owner", owner.id()).param("status", status)
                .param("sign", Date.valueOf(TODAY.minusDays(60))).param("end", serviceEnd == null ? null : Date.valueOf(serviceEnd))
                .param("approval", approval).param("now", at(TODAY.minusDays(60)))
                .query(Long.class).single();
    }

    long instalment(long contract, LocalDate due, String amount) {
        return jdbc.sql("INSERT INTO contract_instalment (contract_id, due_date, amount, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(contract, Date.valueOf(due), new BigDecimal(amount), at(TODAY.minusDays(60)))
                .query(Long.class).single();
    }

    void payment(long contract, Long instalment, LocalDate paidOn, String amount, CurrentUser by) {
        jdbc.sql("""
                INSERT INTO contract_payment (contract_id, instalment_id, paid_on, amount, method, recorded_by_id, recorded_at)
                VALUES (?, ?, ?, ?, 'BANK_TRANSFER', ?, ?)
                """).params(contract, instalment, Date.valueOf(paidOn), new BigDecimal(amount), by.id(), at(paidOn)).update();
    }

    long followUp(long customer, CurrentUser author, String kind, LocalDate on, Long corrects) {
        return jdbc.sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content, corrects_id)
                VALUES (?, ?, ?, ?, ?, '报表跟进', ?) RETURNING id
                """).params(customer, author.id(), kind, at(on), at(on), corrects).query(Long.class).single();
    }

    @Test
    void openPipelineByStageCountsOnlyTheViewersCustomersWithEveryOpenStageListed() {
        long mine = customer(rep);
        opportunity(mine, rep, "LEAD", "100.00", 10, null, null);
        opportunity(mine, rep, "LEAD", "200.00", 10, null, null);
        opportunity(mine, rep, "NEGOTIATION", "1000.00", 80, null, null);
        opportunity(mine, rep, "WON", "5000.00", 100, null, TODAY.minusDays(1));
        opportunity(customer(otherRep), otherRep, "LEAD", "999.00", 10, null, null);

        for (CurrentUser viewer : List.of(rep, manager)) {
            List<PipelineStatistics.StageRow> rows = pipeline.openByStage(viewer);
            assertThat(rows).extracting(PipelineStatistics.StageRow::stage)
                    .containsExactly("LEAD", "QUALIFIED", "SOLUTION", "PROPOSAL", "NEGOTIATION");
            assertThat(rows.get(0)).extracting(PipelineStatistics.StageRow::opportunities,
                    PipelineStatistics.StageRow::amount, PipelineStatistics.StageRow::weighted)
                    .containsExactly(2L, new BigDecimal("300.00"), new BigDecimal("30.00"));
            assertThat(rows.get(1).opportunities()).isZero();
            assertThat(rows.get(4).weighted()).isEqualByComparingTo("800");
        }
        assertThat(pipeline.openByStage(otherRep).get(0).amount()).isEqualByComparingTo("999");
    }

    /** Moves an opportunity as the service does: the stage and updated_at change together. */
    void move(long opportunity, String stage, Instant at) {
        jdbc.sql("UPDATE opportunity SET stage = ?, updated_at = ?, closed_at = ?, lost_reason = ? WHERE id = ?")
                .params(stage, Timestamp.from(at), stage.equals("WON") || stage.equals("LOST") ? Timestamp.from(at) : null,
                        stage.equals("LOST") ? "预算取消" : null, opportunity)
                .update();
    }

    long openedOn(long customer, LocalDate day) {
        long id = opportunity(customer, rep, "LEAD", "100.00", 10, null, null);
        jdbc.sql("UPDATE opportunity SET created_at = ?, updated_at = ? WHERE id = ?").params(at(day), at(day), id).update();
        jdbc.sql("UPDATE opportunity_stage_entry SET entered_at = ? WHERE opportunity_id = ?").params(at(day), id).update();
        return id;
    }

    @Test
    void theStageHistoryRecordsEveryMoveWhicheverWayTheOpportunityMoves() {
        long id = openedOn(customer(rep), TODAY.minusDays(10));
        move(id, "SOLUTION", at(TODAY.minusDays(7)).toInstant());
        move(id, "WON", at(TODAY.minusDays(2)).toInstant());

        record Entry(String stage, Instant entered, Instant left) {
        }
        List<Entry> entries = jdbc.sql("""
                SELECT stage, entered_at, left_at FROM opportunity_stage_entry WHERE opportunity_id = ? ORDER BY entered_at
                """).param(id).query((rs, n) -> new Entry(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).list();

        assertThat(entries).containsExactly(
                new Entry("LEAD", at(TODAY.minusDays(10)).toInstant(), at(TODAY.minusDays(7)).toInstant()),
                new Entry("SOLUTION", at(TODAY.minusDays(7)).toInstant(), at(TODAY.minusDays(2)).toInstant()),
                new Entry("WON", at(TODAY.minusDays(2)).toInstant(), null));
    }

    @Test
    void timeInStageAveragesTheDaysBeforeLeavingForTheMovesOfThePeriod() {
        long mine = customer(rep);
        long a = openedOn(mine, TODAY.minusDays(6));
        move(a, "QUALIFIED", at(TODAY.minusDays(4)).toInstant());
        long b = openedOn(mine, TODAY.minusDays(8));
        move(b, "PROPOSAL", at(TODAY.minusDays(4)).toInstant());
        long before = openedOn(mine, TODAY.minusDays(60));
        move(before, "QUALIFIED", at(TODAY.minusDays(50)).toInstant());

        List<PipelineStatistics.StageTime> rows = pipeline.timeInStage(rep, TODAY.withDayOfMonth(1), TODAY);

        assertThat(rows).extracting(PipelineStatistics.StageTime::stage)
                .containsExactly("LEAD", "QUALIFIED", "SOLUTION", "PROPOSAL", "NEGOTIATION");
        assertThat(rows.get(0).left()).isEqualTo(2);
        assertThat(rows.get(0).averageDays()).isEqualByComparingTo("3.0");
        assertThat(rows.get(1).left()).isZero();
        assertThat(rows.get(1).averageDays()).isNull();
        assertThat(pipeline.timeInStage(otherRep, TODAY.withDayOfMonth(1), TODAY).get(0).left()).isZero();
    }

    @Test
    void theFunnelCountsHowFarThePeriodsOpportunitiesGotAndASkippedStageCountsAsPassed() {
        long mine = customer(rep);
        openedOn(mine, TODAY.minusDays(9));
        long skipped = openedOn(mine, TODAY.minusDays(9));
        move(skipped, "PROPOSAL", at(TODAY.minusDays(5)).toInstant());
        long won = openedOn(mine, TODAY.minusDays(9));
        move(won, "NEGOTIATION", at(TODAY.minusDays(6)).toInstant());
        move(won, "WON", at(TODAY.minusDays(3)).toInstant());
        long lost = openedOn(mine, TODAY.minusDays(9));
        move(lost, "QUALIFIED", at(TODAY.minusDays(6)).toInstant());
        move(lost, "LOST", at(TODAY.minusDays(3)).toInstant());
        openedOn(mine, TODAY.minusDays(40));

        List<PipelineStatistics.FunnelRow> rows = pipeline.funnel(rep, TODAY.withDayOfMonth(1), TODAY);

        assertThat(rows).extracting(PipelineStatistics.FunnelRow::stage, PipelineStatistics.FunnelRow::reached,
                PipelineStatistics.FunnelRow::fromPrevious)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LEAD", 4L, null),
                        org.assertj.core.groups.Tuple.tuple("QUALIFIED", 3L, 75),
                        org.assertj.core.groups.Tuple.tuple("SOLUTION", 2L, 67),
                        org.assertj.core.groups.Tuple.tuple("PROPOSAL", 2L, 100),
                        org.assertj.core.groups.Tuple.tuple("NEGOTIATION", 1L, 50),
                        org.assertj.core.groups.Tuple.tuple("WON", 1L, 100));
    }

    @Test
    void closedOpportunitiesOfThePeriodGroupLostReasonsMostFrequentFirst() {
        long mine = customer(rep);
        opportunity(mine, rep, "WON", "500.00", 100, null, TODAY.minusDays(3));
        opportunity(mine, rep, "LOST", "100.00", 0, "价格太高", TODAY.minusDays(2));
        opportunity(mine, rep, "LOST", "200.00", 0, " 价格太高 ", TODAY.minusDays(1));
        opportunity(mine, rep, "LOST", "300.00", 0, "选了竞品", TODAY.minusDays(1));
        opportunity(mine, rep, "LOST", "400.00", 0, "选了竞品", TODAY.minusDays(40));

        List<PipelineStatistics.OutcomeRow> rows = pipeline.closed(rep, TODAY.withDayOfMonth(1), TODAY);

        assertThat(rows).extracting(PipelineStatistics.OutcomeRow::outcome, PipelineStatistics.OutcomeRow::reason,
                PipelineStatistics.OutcomeRow::opportunities)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WON", null, 1L),
                        org.assertj.core.groups.Tuple.tuple("LOST", "价格太高", 2L),
                        org.assertj.core.groups.Tuple.tuple("LOST", "选了竞品", 1L));
        assertThat(rows.get(1).amount()).isEqualByComparingTo("300");
    }

    @Test
    void paymentsAgainstThePlanByMonthCountApprovedContractsAndTheCollectionRateFollowsTheMonthsInstalments() {
        long mine = customer(rep);
        long approved = contract(mine, rep, "APPROVED", null, "IN_PROGRESS");
        long november = instalment(approved, LocalDate.of(2026, 11, 10), "1000.00");
        instalment(approved, LocalDate.of(2026, 12, 10), "2000.00");
        payment(approved, november, LocalDate.of(2026, 11, 15), "600.00", rep);
        payment(approved, november, LocalDate.of(2026, 12, 1), "400.00", rep);
        long draft = contract(mine, rep, "DRAFT", null, "NOT_STARTED");
        instalment(draft, LocalDate.of(2026, 11, 12), "7777.00");

        Map<YearMonth, CollectionStatistics.MonthRow> rows = collections
                .monthly(rep, YearMonth.of(2026, 10), YearMonth.of(2026, 12)).stream()
                .collect(Collectors.toMap(CollectionStatistics.MonthRow::month, r -> r));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(YearMonth.of(2026, 10)).planned()).isZero();
        assertThat(rows.get(YearMonth.of(2026, 10)).collectionRate()).isNull();
        CollectionStatistics.MonthRow nov = rows.get(YearMonth.of(2026, 11));
        assertThat(nov.planned()).isEqualByComparingTo("1000");
        assertThat(nov.received()).isEqualByComparingTo("600");
        assertThat(nov.collectionRate()).isEqualTo(100);
        CollectionStatistics.MonthRow dec = rows.get(YearMonth.of(2026, 12));
        assertThat(dec.planned()).isEqualByComparingTo("2000");
        assertThat(dec.received()).isEqualByComparingTo("400");
        assertThat(dec.collectionRate()).isZero();
        assertThat(collections.monthly(otherRep, YearMonth.of(2026, 11), YearMonth.of(2026, 11)).get(0).planned())
                .isZero();
    }

    @Test
    void agingPutsWhatIsStillOutstandingInTheBucketOfItsDaysOverdue() {
        long mine = customer(rep);
        long approved = contract(mine, rep, "APPROVED", null, "IN_PROGRESS");
        long late = instalment(approved, TODAY.minusDays(45), "1000.00");
        payment(approved, late, TODAY.minusDays(20), "300.00", rep);
        long paid = instalment(approved, TODAY.minusDays(10), "500.00");
        payment(approved, paid, TODAY.minusDays(9), "500.00", rep);
        instalment(approved, TODAY.minusDays(120), "80.00");
        instalment(approved, TODAY.plusDays(5), "9999.00");

        List<CollectionStatistics.AgingRow> rows = collections.aging(rep, TODAY);

        assertThat(rows).extracting(CollectionStatistics.AgingRow::fromDays).containsExactly(1, 31, 61, 91);
        assertThat(rows.get(0).instalments()).isZero();
        assertThat(rows.get(1).instalments()).isEqualTo(1);
        assertThat(rows.get(1).outstanding()).isEqualByComparingTo("700");
        assertThat(rows.get(3).outstanding()).isEqualByComparingTo("80");
        assertThat(AnalyticsSheets.agingLabel(rows.get(3))).isEqualTo("90+");
    }

    @Test
    void newCustomersBySourceGiveTheirWinRateAndTheDaysFromCreationToTheFirstWin() {
        Instant created = at(TODAY.minusDays(15)).toInstant();
        long won = customer(rep);
        long open = customer(rep);
        jdbc.sql("UPDATE customer SET source = 'GITHUB', created_at = ? WHERE id IN (?, ?)")
                .params(Timestamp.from(created), won, open).update();
        jdbc.sql("UPDATE customer SET status = 'WON', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(created.plus(Duration.ofDays(10))), won).update();

        List<CustomerStatistics.Row> rows = customerStatistics.newCustomers(rep, CustomerStatistics.Dimension.SOURCE,
                TODAY.withDayOfMonth(1), TODAY);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.value()).isEqualTo("GITHUB");
            assertThat(row.customers()).isEqualTo(2);
            assertThat(row.won()).isEqualTo(1);
            assertThat(row.winRate()).isEqualTo(50);
            assertThat(row.averageDaysToWin()).isEqualByComparingTo("10.0");
        });
        assertThat(customerStatistics.newCustomers(rep, CustomerStatistics.Dimension.SOURCE, TODAY, TODAY)).isEmpty();
    }

    @Test
    void theFirstWinIsKeptWhenTheStatusMovesOnAndBackToWon() {
        long id = customer(rep);
        Instant first = clock.instant().minus(Duration.ofDays(5));
        jdbc.sql("UPDATE customer SET status = 'WON', updated_at = ? WHERE id = ?").params(Timestamp.from(first), id).update();
        jdbc.sql("UPDATE customer SET status = 'ON_HOLD', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(first.plus(Duration.ofDays(1))), id).update();
        jdbc.sql("UPDATE customer SET status = 'WON', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(first.plus(Duration.ofDays(2))), id).update();

        Timestamp wonAt = jdbc.sql("SELECT won_at FROM customer WHERE id = ?").param(id).query(Timestamp.class).single();
        assertThat(wonAt.toInstant()).isEqualTo(first);
    }

    @Test
    void followUpsByKindLeaveOutCorrectionsAndOtherPeoplesCustomers() {
        long mine = customer(rep);
        long other = customer(rep);
        long call = followUp(mine, rep, "PHONE", TODAY.minusDays(1), null);
        followUp(other, rep, "PHONE", TODAY.minusDays(2), null);
        followUp(mine, rep, "PHONE", TODAY.minusDays(1), call);
        followUp(mine, rep, "WECHAT", TODAY, null);
        followUp(mine, rep, "VISIT", TODAY.minusDays(40), null);
        followUp(customer(otherRep), otherRep, "PHONE", TODAY, null);

        List<FollowUpStatistics.KindRow> rows = followUps.byKind(rep, TODAY.withDayOfMonth(1), TODAY);

        assertThat(rows).extracting(FollowUpStatistics.KindRow::kind, FollowUpStatistics.KindRow::followUps,
                FollowUpStatistics.KindRow::customers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PHONE", 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple("WECHAT", 1L, 1L));
    }

    @Test
    void renewalsDueFallInTheFirstOf30_60Or90DaysThatHoldsTheirServiceEnd() {
        long mine = customer(rep);
        long soon = contract(mine, rep, "APPROVED", TODAY.plusDays(10), "IN_PROGRESS");
        long middle = contract(mine, rep, "APPROVED", TODAY.plusDays(45), "IN_PROGRESS");
        long late = contract(mine, rep, "APPROVED", TODAY.plusDays(80), "IN_PROGRESS");
        contract(mine, rep, "APPROVED", TODAY.plusDays(100), "IN_PROGRESS");
        contract(mine, rep, "APPROVED", TODAY.plusDays(5), "TERMINATED");
        contract(mine, rep, "SUBMITTED", TODAY.plusDays(5), "NOT_STARTED");
        contract(mine, rep, "APPROVED", TODAY.minusDays(1), "COMPLETED");

        List<CollectionStatistics.RenewalRow> rows = collections.renewalsDue(rep, TODAY);

        assertThat(rows).extracting(CollectionStatistics.RenewalRow::contractId, CollectionStatistics.RenewalRow::withinDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(soon, 30),
                        org.assertj.core.groups.Tuple.tuple(middle, 60), org.assertj.core.groups.Tuple.tuple(late, 90));
        assertThat(collections.renewalsDue(otherRep, TODAY)).isEmpty();
    }

    @Test
    void theRenewalRateCountsTheServicesEndedInThePeriodThatALaterApprovedContractOfTheCustomerExtends()
            throws Exception {
        long renewing = customer(rep);
        long leaving = customer(rep);
        contract(renewing, rep, "APPROVED", TODAY.minusDays(10), "COMPLETED");
        long renewal = contract(renewing, rep, "APPROVED", TODAY.plusDays(355), "IN_PROGRESS");
        jdbc.sql("UPDATE contract SET sign_date = ? WHERE id = ?").params(Date.valueOf(TODAY.minusDays(5)), renewal).update();
        contract(leaving, rep, "APPROVED", TODAY.minusDays(5), "COMPLETED");
        contract(leaving, rep, "SUBMITTED", TODAY.plusDays(300), "NOT_STARTED");
        contract(customer(rep), rep, "APPROVED", TODAY.minusDays(25), "COMPLETED");
        contract(customer(otherRep), otherRep, "APPROVED", TODAY.minusDays(8), "COMPLETED");

        CollectionStatistics.RenewalRate rate = collections.renewalRate(rep, TODAY.withDayOfMonth(1), TODAY.withDayOfMonth(30));
        assertThat(rate.ended()).isEqualTo(2);
        assertThat(rate.renewed()).isEqualTo(1);
        assertThat(rate.percent()).isEqualTo(50);
        assertThat(collections.renewalRate(rep, TODAY.plusDays(20), TODAY.plusDays(30)).percent()).isNull();

        String html = mvc.perform(get("/analytics").param("lang", "en").with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Renewal rate of the period: 50% — of 2 contracts");
    }

    @Test
    void theReportsPageShowsEachChartWithItsTableForEveryRole() throws Exception {
        opportunity(customer(rep), rep, "LEAD", "100.00", 10, null, null);
        for (CurrentUser viewer : List.of(rep, manager, users.principal("admin"))) {
            String html = mvc.perform(get("/analytics").with(users.as(viewer.getUsername())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (String table : List.of("table-PIPELINE", "table-MONEY", "table-AGING")) {
                assertThat(html).contains("data-table=\"" + table + "\"").contains("id=\"" + table + "\"");
            }
            assertThat(html).containsPattern("/js/charts(-[0-9a-f]+)?\\.js").containsPattern("chart\\.umd\\.min(-[0-9a-f]+)?\\.js");
            assertThat(html.contains("id=\"export-PIPELINE\"")).isEqualTo(viewer.role() != Role.REP);
        }
    }

    @Test
    void aWrongPeriodInTheAddressIsNamedAndTheMonthIsShown() throws Exception {
        String html = mvc.perform(get("/analytics").param("period", "CUSTOM").param("from", "2026-11-30")
                .param("to", "2026-11-01").param("lang", "en").with(users.as(rep.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&quot;To&quot; is before &quot;From&quot;; showing this month.").contains("2026-11-01 ~ 2026-11-30");
        html = mvc.perform(get("/analytics").param("date", "yesterday").param("by", "COLOUR")
                .param("lang", "zh-CN").with(users.as(rep.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("地址中的日期格式不正确").contains("地址中的新增客户分组方式无法识别");
    }

    @Test
    void anExportFormCarriesTheCustomRangeShownSoTheFileHoldsTheSameFigures() throws Exception {
        String html = mvc.perform(get("/analytics").param("period", "CUSTOM").param("from", "2026-10-05")
                .param("to", "2026-11-07").with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = html.substring(html.indexOf("action=\"/analytics/export\""));
        form = form.substring(0, form.indexOf("</form>"));
        assertThat(form).contains("name=\"period\" value=\"CUSTOM\"", "name=\"from\" value=\"2026-10-05\"",
                "name=\"to\" value=\"2026-11-07\"");
    }

    @Test
    void aRepMayNotExportAReportNorTheLeaderboard() throws Exception {
        mvc.perform(post("/analytics/export").with(csrf()).param("section", "PIPELINE").with(users.as(rep.getUsername())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/leaderboard/export").with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().isForbidden());
    }

    @Test
    void aManagersExportHoldsTheTableOfTheirScopeAndIsAudited() throws Exception {
        long mine = customer(rep);
        opportunity(mine, rep, "LEAD", "100.00", 10, null, null);
        opportunity(mine, rep, "PROPOSAL", "600.00", 60, null, null);
        opportunity(customer(otherRep), otherRep, "PROPOSAL", "999.00", 60, null, null);

        byte[] file = mvc.perform(post("/analytics/export").with(csrf()).param("section", "PIPELINE")
                        .param("lang", "zh-CN").with(users.as(manager.getUsername())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows.get(0).getCellText(0)).startsWith("在途商机（按阶段）");
        // The reader leaves out the empty row between the title and the headings.
        assertThat(rows.get(1).getCellText(0)).isEqualTo("阶段");
        assertThat(rows.get(2).getCellText(0)).isEqualTo("S1 线索");
        assertThat(rows.get(2).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("1");
        assertThat(rows.get(5).getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("600");
        assertThat(rows).hasSize(2 + 5);
        assertThat(jdbc.sql("""
                SELECT details FROM audit_event WHERE kind = 'DATA_EXPORTED' AND actor_id = ? AND subject = 'report:PIPELINE'
                """).param(manager.id()).query(String.class).list())
                .singleElement().asString().startsWith("rows=5 filter=period=2026-11-01..2026-11-30");
    }

    @Test
    void theForecastWeighsTheScopesOpenOpportunitiesByCloseMonthAndItsExportHoldsTheSameRows() throws Exception {
        long mine = customer(rep);
        opportunity(mine, rep, "PROPOSAL", "1000.00", 60, null, null);
        opportunity(mine, rep, "LEAD", "500.00", 10, null, null);
        opportunity(mine, rep, "LOST", "700.00", 0, "价格", TODAY.minusDays(1));
        opportunity(customer(otherRep), otherRep, "PROPOSAL", "999.00", 60, null, null);

        for (CurrentUser viewer : List.of(rep, manager)) {
            List<PipelineStatistics.ForecastRow> rows = pipeline.forecast(viewer);
            // The overdue open ones first, then six months from the current one.
            assertThat(rows).hasSize(7);
            assertThat(rows.get(0).month()).isNull();
            assertThat(rows.get(1).month()).isEqualTo(YearMonth.of(2026, 11));
            PipelineStatistics.ForecastRow december = rows.get(2);
            assertThat(december.month()).isEqualTo(YearMonth.of(2026, 12));
            assertThat(december.open()).isEqualTo(2);
            assertThat(december.openAmount()).isEqualByComparingTo("1500");
            assertThat(december.weighted()).isEqualByComparingTo("650");
            assertThat(december.forecast()).isEqualByComparingTo("650");
        }

        byte[] file = mvc.perform(post("/analytics/export").with(csrf()).param("section", "FORECAST")
                        .param("lang", "en").with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows).hasSize(2 + 7);
        assertThat(rows.get(4).getCellText(0)).isEqualTo("2026-12");
        assertThat(rows.get(4).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("650");
        String html = mvc.perform(get("/analytics").with(users.as(rep.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"table-FORECAST\"").contains("data-value=\"650.00\"");
    }

    void lead(CurrentUser owner, String source, String status, LocalDate created) {
        String company = CustomerFixtures.uniqueName("报表线索");
        jdbc.sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, source, status, owner_id, assigned_at,
                                        created_at, updated_at)
                VALUES (?, ?, '王经理', ?, ?, ?, ?, ?, ?)
                """).params(company, company, source, status, owner == null ? null : owner.id(),
                        owner == null ? null : at(created), at(created), at(created)).update();
    }

    @Test
    void leadsBySourceCountThePeriodsArrivalsOfTheViewersScopeWithTheirConversion() throws Exception {
        lead(rep, "WEBSITE", "CONVERTED", TODAY.minusDays(3));
        lead(rep, "WEBSITE", "CONTACTABLE", TODAY.minusDays(2));
        lead(rep, "WEBSITE", "INVALID", TODAY.minusDays(2));
        lead(rep, "TRADE_SHOW", "CONVERTED", TODAY.minusDays(1));
        lead(rep, "WEBSITE", "CONVERTED", TODAY.minusDays(40));
        lead(otherRep, "WEBSITE", "CONVERTED", TODAY.minusDays(1));

        for (CurrentUser viewer : List.of(rep, manager)) {
            List<LeadStatistics.SourceRow> rows = leads.bySource(viewer, TODAY.withDayOfMonth(1), TODAY);
            assertThat(rows).extracting(LeadStatistics.SourceRow::source)
                    .containsExactly("WEBSITE", "TRADE_SHOW", "REFERRAL", "INBOUND_CALL", "SOCIAL_MEDIA", "OTHER");
            assertThat(rows.get(0)).extracting(LeadStatistics.SourceRow::leads, LeadStatistics.SourceRow::converted,
                    LeadStatistics.SourceRow::invalid, LeadStatistics.SourceRow::conversionPercent)
                    .containsExactly(3L, 1L, 1L, 33);
            assertThat(rows.get(1).conversionPercent()).isEqualTo(100);
            assertThat(rows.get(2).conversionPercent()).isNull();
        }

        String html = mvc.perform(get("/analytics").param("lang", "en").with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = html.substring(html.indexOf("id=\"table-LEADS\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("Website form").contains("33%").contains("100%");
        byte[] file = mvc.perform(post("/analytics/export").with(csrf()).param("section", "LEADS")
                        .param("lang", "zh-CN").with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            rows = workbook.getFirstSheet().read();
        }
        assertThat(rows).hasSize(2 + 6);
        assertThat(rows.get(2).getCellText(0)).isEqualTo("官网表单");
        assertThat(rows.get(2).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("3");
        assertThat(rows.get(2).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("33");
    }

    @Test
    void theLeaderboardExportListsTheRankingAsShownAndIsAudited() throws Exception {
        byte[] file = mvc.perform(post("/leaderboard/export").with(csrf()).param("board", "FOLLOW_UPS").param("period", "MONTH")
                        .param("team", String.valueOf(manager.teamId())).param("lang", "en")
                        .with(users.as(manager.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            rows = workbook.getFirstSheet().read();
        }
        // The reader leaves out the empty row between the title and the headings.
        assertThat(rows.get(1).getCellText(0)).isEqualTo("Rank");
        // The fresh team has one rep, ranked with zero (managers are not ranked).
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.getCellText(1)).containsExactly(rep.displayName());
        assertThat(rows.get(2).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE kind = 'DATA_EXPORTED' AND actor_id = ? AND subject = 'leaderboard:FOLLOW_UPS'")
                .param(manager.id()).query(Long.class).single()).isEqualTo(1);
    }
}
