package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The home page of each role: scoped figures, each linking to the list behind it. */
@IntegrationTest
class HomePageIntegrationTests {

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
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Deliveries deliveries;

    @Autowired
    io.tidecrm.customer.PoolDeadlines deadlines;

    String home(CurrentUser viewer) throws Exception {
        return mvc.perform(get("/").with(users.as(viewer.getUsername()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    long customerDueAt(CurrentUser owner, Instant next, Instant clockAt) {
        long id = customers.insert(CustomerFixtures.uniqueName("首页客户"), "A", "INTENT", owner.id());
        jdbc.sql("UPDATE customer SET next_follow_up_at = ?, clock_at = ? WHERE id = ?")
                .params(Timestamp.from(next), Timestamp.from(clockAt), id).update();
        return id;
    }

    static String card(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("card " + id).isPositive();
        return html.substring(at, html.indexOf("</a>", at));
    }

    @Test
    void aRepsHomeCountsOnlyTheirOwnCustomersAndLinksToTheFilteredLists() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("首页组");
        CurrentUser rep = users.newUser("首页销售", Role.REP, manager.getUsername());
        CurrentUser colleague = users.newUser("首页同事", Role.REP, manager.getUsername());
        Instant now = clock.instant();
        customerDueAt(rep, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(10)));
        customerDueAt(colleague, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(3)));
        customerDueAt(colleague, now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(20)));

        String mine = home(rep);
        String theTeams = home(manager);

        assertThat(card(mine, "home-overdue")).contains("href=\"/customers?due=OVERDUE&amp;sort=NEXT_FOLLOW_UP\"")
                .contains(">1<");
        assertThat(card(theTeams, "home-overdue")).contains(">3<");
        assertThat(mine).contains("id=\"home-my-submitted\"").doesNotContain("id=\"home-approvals\"",
                "id=\"home-team-top\"");
        assertThat(theTeams).contains("href=\"/customers?idle=DAYS_15&amp;sort=STALEST\"", "15 天以上：1",
                "7 天以上：2");
    }

    void commitment(CurrentUser owner, java.time.LocalDate due, boolean done) {
        long customer = customers.insert(CustomerFixtures.uniqueName("承诺客户"), "B", "INTENT", owner.id());
        Timestamp now = Timestamp.from(clock.instant());
        long visit = jdbc.sql("""
                INSERT INTO visit (customer_id, owner_id, planned_at, purpose, created_at) VALUES (?, ?, ?, '承诺', ?)
                RETURNING id
                """).params(customer, owner.id(), now, now).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO visit_commitment (visit_id, customer_id, owner_id, content, due_date, created_at, done_at, done_by_id)
                VALUES (?, ?, ?, '寄样品', ?, ?, ?, ?)
                """).params(visit, customer, owner.id(), java.sql.Date.valueOf(due), now, done ? now : null,
                        done ? owner.id() : null).update();
    }

    @Test
    void overdueCommitmentsAreFlaggedOnTheHomeOfTheirOwnerAndOfTheirManager() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("承诺组");
        CurrentUser rep = users.newUser("承诺销售", Role.REP, manager.getUsername());
        CurrentUser colleague = users.newUser("承诺同事", Role.REP, manager.getUsername());
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        commitment(rep, today.minusDays(1), false);
        commitment(rep, today, false);
        commitment(rep, today.minusDays(3), true);
        commitment(colleague, today.minusDays(2), false);

        assertThat(card(home(rep), "home-overdue-commitments")).contains("href=\"/commitments\"").contains(">1<");
        assertThat(card(home(manager), "home-overdue-commitments")).contains(">2<");
        assertThat(home(users.principal("admin"))).doesNotContain("home-overdue-commitments");
    }

    @Test
    void aRepsHomeCountsTheirCustomersWithinTheWarningLeadOfTheirPoolDeadline() throws Exception {
        CurrentUser rep = users.newUser("首页公海", Role.REP, null);
        // The pool counts idle time from when it was switched on: switched on long ago for this test.
        Timestamp enabledAt = jdbc.sql("SELECT enabled_at FROM pool_rules").query(Timestamp.class).single();
        jdbc.sql("UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z'").update();
        try {
            PoolDeadlines.Calculator pool = deadlines.calculator();
            Instant now = clock.instant();
            // Type A goes to the pool after 10 days without follow-up (the default rules): 9 days idle
            // is within the 3-day warning lead, 2 days is not, and a won customer never goes.
            customerDueAt(rep, now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(9)));
            customerDueAt(rep, now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(2)));
            long won = customerDueAt(rep, now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(9)));
            jdbc.sql("UPDATE customer SET status = 'WON' WHERE id = ?").param(won).update();
            assertThat(pool.deadline(io.tidecrm.customer.CustomerType.A, io.tidecrm.customer.CustomerStatus.INTENT,
                    rep.id(), now.minus(Duration.ofDays(9))).minus(pool.warningLead())).isBefore(now);

            assertThat(card(home(rep), "home-near-pool")).contains("href=\"/customers?sort=STALEST\"").contains(">1<");
            assertThat(home(users.newManagerOfNewTeam("首页公海组"))).doesNotContain("home-near-pool");
        } finally {
            jdbc.sql("UPDATE pool_rules SET enabled_at = ?").param(enabledAt).update();
        }
    }

    @Test
    void aRepsHomeStillShowsWhenACustomerHasAStatusThisVersionDoesNotKnow() throws Exception {
        CurrentUser rep = users.newUser("首页未知", Role.REP, null);
        customers.insert(CustomerFixtures.uniqueName("未知状态"), "A", "NEW", rep.id());

        assertThat(card(home(rep), "home-near-pool")).contains(">0<");
    }

    @Test
    void aRepsMonthShowsTheirFigureRankAndTarget() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("首页月");
        CurrentUser rep = users.newUser("首页月销售", Role.REP, manager.getUsername());
        LocalDate today = LocalDate.now(clock);
        new LedgerFixtures(publisher, tx, deliveries).payment(rep, manager.teamId(), today, "5000.00", 1);
        jdbc.sql("""
                INSERT INTO sales_target (user_id, board, month, amount, set_by_id, set_at)
                VALUES (?, 'PAYMENTS', ?, 10000, ?, now())
                """).params(rep.id(), today.withDayOfMonth(1), manager.id()).update();

        String month = card(home(rep), "home-month-PAYMENTS");

        assertThat(month).contains("/leaderboard?board=PAYMENTS&amp;period=MONTH", "¥5,000.00", "完成 50%",
                "¥10,000.00");
    }

    @Test
    void aManagersHomeNamesTheRepsWithoutAFollowUpToday() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("首页跟进");
        CurrentUser active = users.newUser("已跟进", Role.REP, manager.getUsername());
        CurrentUser quiet = users.newUser("未跟进", Role.REP, manager.getUsername());
        LocalDate today = LocalDate.now(clock);
        new LedgerFixtures(publisher, tx, deliveries).publish(new io.tidecrm.followup.FollowUpRecorded(
                LedgerFixtures.id(), 1, "客户", active.id(), active.displayName(), manager.teamId(), "PHONE",
                java.util.Set.of(), clock.instant(), today, "内容", false));

        String html = home(manager);
        int at = html.indexOf("id=\"home-quiet-reps\"");
        String quietReps = html.substring(at, html.indexOf("</p>", at));

        assertThat(quietReps).contains(quiet.displayName()).doesNotContain(active.displayName());
    }

    @Test
    void aManagerWhoLeadsNoTeamSeesTheCompanysMonthUnderItsOwnHeading() throws Exception {
        CurrentUser manager = users.newUser("无组经理", Role.MANAGER, null);
        String html = home(manager);
        int at = html.indexOf("id=\"home-month-heading\"");
        assertThat(html.substring(at, html.indexOf("</h2>", at))).contains("全公司本月").doesNotContain("本组本月");
    }

    @Test
    void theAdministratorsHomeShowsTheDeliveriesAndTheLastRollup() throws Exception {
        String html = home(users.principal("admin"));
        assertThat(html).contains("id=\"home-deliveries\"", "href=\"/admin/events\"", "id=\"home-rollup\"",
                "全公司本月");
    }
}
