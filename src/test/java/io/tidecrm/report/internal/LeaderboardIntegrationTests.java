package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of the boards against a hand-built data set: facts published as the other modules
 * publish them, dated by hand, each test with reps and a team of its own.
 */
@IntegrationTest
class LeaderboardIntegrationTests {

    static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    BoardRollup rollup;

    @Autowired
    ReportJobs jobs;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures customers;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Deliveries deliveries;

    LedgerFixtures facts;
    CurrentUser manager;

    @BeforeEach
    void setUp() {
        facts = new LedgerFixtures(publisher, tx, deliveries);
        manager = users.newManagerOfNewTeam("榜");
        clock.setInstant(LedgerFixtures.noon(LocalDate.of(2026, 4, 10)));
    }

    CurrentUser rep(String prefix) {
        return users.newUser(prefix, Role.REP, manager.getUsername());
    }

    Map<Long, Leaderboard.Row> rows(Board board, Period period, Long team, CurrentUser viewer) {
        return leaderboard.rank(board, period, team, viewer).rows().stream()
                .collect(java.util.stream.Collectors.toMap(Leaderboard.Row::userId, r -> r));
    }

    BigDecimal figure(Board board, Period period, Long team, CurrentUser rep) {
        Leaderboard.Row row = rows(board, period, team, rep).get(rep.id());
        return row == null ? null : row.value();
    }

    static Period month(LocalDate day) {
        return Period.containing(Period.Kind.MONTH, day);
    }

    @Test
    void tiesShareARankAndEveryRepOfTheTeamIsListedWithZeros() {
        CurrentUser a = rep("甲");
        CurrentUser b = rep("乙");
        CurrentUser c = rep("丙");
        CurrentUser d = rep("丁");
        facts.payment(a, manager.teamId(), MARCH_3, "100.00", 1);
        facts.payment(b, manager.teamId(), MARCH_3, "50.00", 1);
        facts.payment(c, manager.teamId(), MARCH_3.plusDays(1), "50.00", 1);

        Leaderboard.Ranking ranking = leaderboard.rank(Board.PAYMENTS, month(MARCH_3), manager.teamId(), a);
        List<Leaderboard.Row> rows = ranking.rows();
        assertThat(rows).extracting(Leaderboard.Row::userId).containsExactly(a.id(),
                b.displayName().compareTo(c.displayName()) < 0 ? b.id() : c.id(),
                b.displayName().compareTo(c.displayName()) < 0 ? c.id() : b.id(), d.id());
        assertThat(rows).extracting(Leaderboard.Row::rank).containsExactly(1, 2, 2, 4);
        assertThat(rows.get(3).value()).isEqualByComparingTo("0");
        assertThat(rows).extracting(r -> r.gap() == null ? null : r.gap().stripTrailingZeros().toPlainString())
                .containsExactly(null, "50", "0", "50");
        assertThat(ranking.me().userId()).isEqualTo(a.id());
        assertThat(ranking.total()).isEqualByComparingTo("200.00");
    }

    @Test
    void aRepWhoChangedTeamMidMonthCountsForEachTeamOnItsOwnDays() {
        CurrentUser mover = rep("调组");
        CurrentUser otherManager = users.newManagerOfNewTeam("新组");
        facts.payment(mover, manager.teamId(), MARCH_3, "100.00", 1);
        jdbc.sql("UPDATE app_user SET team_id = ? WHERE id = ?").params(otherManager.teamId(), mover.id()).update();
        facts.payment(mover, otherManager.teamId(), MARCH_3.plusDays(17), "30.00", 1);

        assertThat(figure(Board.PAYMENTS, month(MARCH_3), manager.teamId(), mover)).isEqualByComparingTo("100.00");
        assertThat(figure(Board.PAYMENTS, month(MARCH_3), otherManager.teamId(), mover)).isEqualByComparingTo("30.00");
        assertThat(figure(Board.PAYMENTS, month(MARCH_3), null, mover)).isEqualByComparingTo("130.00");
    }

    @Test
    void aContractSentBackSubtractsOnTheDayOfTheEditAndTheReapprovalAddsTheNewAmountOnItsDay() {
        CurrentUser rep = rep("退回");
        long contract = LedgerFixtures.id();
        facts.approved(contract, rep, MARCH_3, "1000.00", 1);
        facts.sentBack(contract, rep, MARCH_3.plusDays(4), "1000.00", "800.00", 1);
        facts.approved(contract, rep, MARCH_3.plusDays(6), "800.00", 1);

        assertThat(figure(Board.CONTRACT_AMOUNT, Period.containing(Period.Kind.DAY, MARCH_3), null, rep))
                .isEqualByComparingTo("1000.00");
        assertThat(figure(Board.CONTRACT_AMOUNT, Period.containing(Period.Kind.DAY, MARCH_3.plusDays(4)), null, rep))
                .isEqualByComparingTo("-1000.00");
        assertThat(figure(Board.CONTRACT_AMOUNT, Period.containing(Period.Kind.DAY, MARCH_3.plusDays(6)), null, rep))
                .isEqualByComparingTo("800.00");
        assertThat(figure(Board.CONTRACT_AMOUNT, month(MARCH_3), null, rep)).isEqualByComparingTo("800.00");
        assertThat(figure(Board.CONTRACTS_APPROVED, month(MARCH_3), null, rep)).isEqualByComparingTo("1");
        assertThat(figure(Board.CONTRACTS_APPROVED, Period.containing(Period.Kind.DAY, MARCH_3.plusDays(4)), null,
                rep)).isEqualByComparingTo("-1");
    }

    @Test
    void paymentsInPartsAddUpOnTheDaysTheyWereEntered() {
        CurrentUser rep = rep("分期");
        facts.payment(rep, manager.teamId(), MARCH_3, "300.00", 1);
        facts.payment(rep, manager.teamId(), MARCH_3, "200.00", 1);
        facts.payment(rep, manager.teamId(), MARCH_3.plusMonths(1), "500.00", 1);

        assertThat(figure(Board.PAYMENTS, Period.containing(Period.Kind.DAY, MARCH_3), null, rep))
                .isEqualByComparingTo("500.00");
        assertThat(figure(Board.PAYMENTS, month(MARCH_3), null, rep)).isEqualByComparingTo("500.00");
        assertThat(figure(Board.PAYMENTS, Period.containing(Period.Kind.QUARTER, MARCH_3), null, rep))
                .isEqualByComparingTo("500.00");
        assertThat(figure(Board.PAYMENTS, Period.containing(Period.Kind.YEAR, MARCH_3), null, rep))
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void aFactDeliveredTwiceCountsOnce() {
        CurrentUser rep = rep("重投");
        var payment = new io.tidecrm.contract.PaymentRecorded(LedgerFixtures.id(), 1, 1, rep.id(), manager.teamId(),
                new BigDecimal("70.00"), MARCH_3, null, rep.id(), LedgerFixtures.noon(MARCH_3), MARCH_3);
        facts.publish(payment);
        facts.publish(payment);

        assertThat(figure(Board.PAYMENTS, month(MARCH_3), null, rep)).isEqualByComparingTo("70.00");
    }

    @Test
    void aConvertedLeadCountsOnceOnTheLeadsConvertedBoardOfItsOwnerOnTheDayOfConversion() {
        CurrentUser rep = rep("线索转化");
        long lead = LedgerFixtures.id();
        var converted = new io.tidecrm.lead.LeadConverted(lead, LedgerFixtures.id(), "转化客户", false, rep.id(),
                manager.teamId(), "WEBSITE", null, rep.id(), LedgerFixtures.noon(MARCH_3), MARCH_3);
        facts.publish(converted);
        facts.publish(converted);

        assertThat(figure(Board.LEADS_CONVERTED, Period.containing(Period.Kind.DAY, MARCH_3), null, rep))
                .isEqualByComparingTo("1");
        assertThat(figure(Board.LEADS_CONVERTED, Period.containing(Period.Kind.DAY, MARCH_3.plusDays(1)), null, rep))
                .isEqualByComparingTo("0");
    }

    @Test
    void aPastDayStaysFixedAfterLaterEdits() {
        CurrentUser rep = rep("固定");
        long contract = LedgerFixtures.id();
        facts.approved(contract, rep, MARCH_3, "1000.00", 1);
        Period day = Period.containing(Period.Kind.DAY, MARCH_3);
        BigDecimal before = figure(Board.CONTRACT_AMOUNT, day, null, rep);

        facts.sentBack(contract, rep, MARCH_3.plusDays(1), "1000.00", "10.00", 1);
        facts.approved(contract, rep, MARCH_3.plusDays(2), "10.00", 1);
        jobs.rollup(LedgerFixtures.noon(MARCH_3.plusDays(3)), true);

        assertThat(figure(Board.CONTRACT_AMOUNT, day, null, rep)).isEqualByComparingTo(before)
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void aRollupRerunChangesNothing() {
        CurrentUser rep = rep("重跑");
        facts.payment(rep, manager.teamId(), MARCH_3, "123.45", 1);
        facts.payment(rep, manager.teamId(), MARCH_3.plusDays(40), "10.00", 1);
        clock.setInstant(LedgerFixtures.noon(MARCH_3.plusDays(50)));
        jobs.rollup(clock.instant(), true);
        String daily = snapshot("board_daily", "business_date");
        String monthly = snapshot("board_monthly", "month");

        clock.advance(java.time.Duration.ofMinutes(1));
        ReportJobs.Outcome again = jobs.rollup(clock.instant(), true);

        assertThat(again.status()).isEqualTo("DONE");
        assertThat(snapshot("board_daily", "business_date")).isEqualTo(daily);
        assertThat(snapshot("board_monthly", "month")).isEqualTo(monthly);
        assertThat(daily).contains(rep.id() + "|PAYMENTS|2026-03-03|123.45");
    }

    @Test
    void aScheduledRollupRunsOncePerFiring() {
        clock.setInstant(LedgerFixtures.noon(LocalDate.of(2026, 4, 10)));
        java.time.Instant firing = LocalDate.of(2026, 4, 10).atTime(0, 5).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        jdbc.sql("DELETE FROM report_job_run WHERE scheduled_at = ?").params(java.sql.Timestamp.from(firing)).update();

        assertThat(jobs.rollup(firing, false).status()).isEqualTo("DONE");
        assertThat(jobs.rollup(firing, false).status()).isEqualTo("SKIPPED");
        assertThat(rollup.rolledThrough()).isAfterOrEqualTo(LocalDate.of(2026, 4, 9));
    }

    @Test
    void figuresReadFromTheRollupsEqualTheLedger() {
        CurrentUser rep = rep("一致");
        LocalDate day = LocalDate.of(2025, 6, 1);
        for (int i = 0; i < 14; i++) {
            facts.payment(rep, manager.teamId(), day.plusDays(i * 23L), (i + 1) + "0.00", 1);
        }
        BigDecimal expected = jdbc.sql("SELECT sum(value) FROM board_fact WHERE user_id = ? AND board = 'PAYMENTS'")
                .params(rep.id()).query(BigDecimal.class).single();
        Period year = Period.custom(day, day.plusDays(400));
        clock.setInstant(LedgerFixtures.noon(day.plusDays(200)));
        jobs.rollup(clock.instant(), true);

        assertThat(figure(Board.PAYMENTS, year, null, rep)).isEqualByComparingTo(expected);
        assertThat(figure(Board.PAYMENTS, year, manager.teamId(), rep)).isEqualByComparingTo(expected);
        assertThat(figure(Board.PAYMENTS, Period.custom(day.plusDays(23), day.plusDays(46)), null, rep))
                .isEqualByComparingTo("50.00");
    }

    @Test
    void aFactArrivingForADayAlreadyRolledUpIsInTheRollup() {
        CurrentUser rep = rep("迟到");
        clock.setInstant(LedgerFixtures.noon(MARCH_3.plusDays(10)));
        jobs.rollup(clock.instant(), true);
        facts.payment(rep, manager.teamId(), MARCH_3, "42.00", 1);

        assertThat(jdbc.sql("SELECT value FROM board_daily WHERE user_id = ? AND business_date = ?")
                .params(rep.id(), MARCH_3).query(BigDecimal.class).single()).isEqualByComparingTo("42.00");
        assertThat(figure(Board.PAYMENTS, month(MARCH_3), null, rep)).isEqualByComparingTo("42.00");
    }

    @Test
    void distinctCustomersFollowedUpCountEachCustomerOncePerPeriod() {
        CurrentUser rep = rep("跟进");
        facts.publish(followUp(rep, 11, MARCH_3), followUp(rep, 11, MARCH_3), followUp(rep, 12, MARCH_3),
                followUp(rep, 11, MARCH_3.plusDays(1)));

        assertThat(figure(Board.FOLLOW_UPS, month(MARCH_3), null, rep)).isEqualByComparingTo("4");
        assertThat(figure(Board.CUSTOMERS_FOLLOWED, month(MARCH_3), null, rep)).isEqualByComparingTo("2");
        assertThat(figure(Board.CUSTOMERS_FOLLOWED, Period.containing(Period.Kind.DAY, MARCH_3), null, rep))
                .isEqualByComparingTo("2");
    }

    @Test
    void correctionsOfFollowUpsDoNotCount() {
        CurrentUser rep = rep("更正");
        io.tidecrm.followup.FollowUpRecorded correction = new io.tidecrm.followup.FollowUpRecorded(
                LedgerFixtures.id(), 11, "客户", rep.id(), rep.displayName(), rep.teamId(), "PHONE",
                java.util.Set.of(), LedgerFixtures.noon(MARCH_3), MARCH_3, "更正", true);
        facts.publish(followUp(rep, 11, MARCH_3), correction);

        assertThat(figure(Board.FOLLOW_UPS, month(MARCH_3), null, rep)).isEqualByComparingTo("1");
    }

    @Test
    void theRankChangeComparesWithThePreviousPeriod() {
        CurrentUser up = rep("升");
        CurrentUser down = rep("降");
        facts.payment(down, manager.teamId(), MARCH_3.minusMonths(1), "100.00", 1);
        facts.payment(up, manager.teamId(), MARCH_3, "100.00", 1);

        Map<Long, Leaderboard.Row> rows = rows(Board.PAYMENTS, month(MARCH_3), manager.teamId(), up);
        assertThat(rows.get(up.id()).rank()).isEqualTo(1);
        assertThat(rows.get(up.id()).rankChange()).isEqualTo(1);
        assertThat(rows.get(down.id()).rankChange()).isEqualTo(-1);
    }

    @Test
    void attainmentIsTheFigureAgainstTheSumOfTheMonthlyTargets() {
        CurrentUser rep = rep("目标");
        facts.payment(rep, manager.teamId(), MARCH_3, "1500.00", 1);
        jdbc.sql("""
                INSERT INTO sales_target (user_id, board, month, amount, set_by_id, set_at)
                VALUES (?, 'PAYMENTS', '2026-01-01', 1000, ?, now()), (?, 'PAYMENTS', '2026-03-01', 1000, ?, now()),
                       (?, 'PAYMENTS', '2026-02-01', 1000, ?, now())
                """).params(rep.id(), manager.id(), rep.id(), manager.id(), rep.id(), manager.id()).update();

        assertThat(rows(Board.PAYMENTS, month(MARCH_3), null, rep).get(rep.id()).attainment()).isEqualTo(150);
        assertThat(rows(Board.PAYMENTS, Period.containing(Period.Kind.QUARTER, MARCH_3), null, rep).get(rep.id())
                .attainment()).isEqualTo(50);
        assertThat(rows(Board.PAYMENTS, Period.containing(Period.Kind.DAY, MARCH_3), null, rep).get(rep.id())
                .attainment()).isNull();
    }

    @Test
    void todayIsLiveAndMarkedAsSuch() {
        LocalDate today = LocalDate.now(clock);
        assertThat(leaderboard.rank(Board.PAYMENTS, month(today), null, manager).live()).isTrue();
        assertThat(leaderboard.rank(Board.PAYMENTS, month(today.minusMonths(1)), null, manager).live()).isFalse();
    }

    io.tidecrm.followup.FollowUpRecorded followUp(CurrentUser rep, long customerId, LocalDate day) {
        return new io.tidecrm.followup.FollowUpRecorded(LedgerFixtures.id(), customerId, "客户", rep.id(),
                rep.displayName(), rep.teamId(), "PHONE", java.util.Set.of(), LedgerFixtures.noon(day), day, "内容",
                false);
    }

    String snapshot(String table, String dateColumn) {
        return String.join("\n", jdbc.sql("SELECT user_id || '|' || board || '|' || " + dateColumn + " || '|' || value"
                + " || '|' || team_id || '|' || facts FROM " + table + " ORDER BY 1").query(String.class).list());
    }
}
