package io.tidecrm.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import io.tidecrm.fieldwork.DayFigureSource;
import io.tidecrm.fieldwork.DayFigures;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The field work reports' figures come from the leaderboard ledger (the port field work owns). */
@IntegrationTest
class LedgerDayFiguresIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    DayFigureSource source;

    @Test
    void theDailySummarysFiguresAreTheLeaderboardLedgersForAHandBuiltDay() throws Exception {
        CurrentUser rep = users.newUser("ledgerday", Role.REP, "rep1");
        CurrentUser other = users.newUser("ledgerother", Role.REP, "rep1");
        LocalDate day = LocalDate.of(2032, 3, 10);
        // The day: three follow-ups, two visits, a new customer, two approvals and one sent back,
        // two payments; facts of the day before and of someone else that must not count.
        fact(rep, day, "FOLLOW_UPS", "1", "1", "1");
        fact(rep, day, "VISITS", "1", "1");
        fact(rep, day, "NEW_CUSTOMERS", "1");
        fact(rep, day, "CONTRACTS_APPROVED", "1", "1", "-1");
        fact(rep, day, "CONTRACT_AMOUNT", "100000", "50000", "-50000");
        fact(rep, day, "PAYMENTS", "30000", "20000.50");
        fact(rep, day.minusDays(1), "FOLLOW_UPS", "1");
        fact(rep, day.minusDays(1), "PAYMENTS", "99999");
        fact(other, day, "FOLLOW_UPS", "1", "1");

        DayFigures expected = new DayFigures(3, 2, 1, 1, new BigDecimal("100000.00"), 2, new BigDecimal("50000.50"));
        assertThat(source.figures(rep.id(), day, day)).isEqualTo(expected);

        clock.setInstant(day.atTime(17, 30).atZone(ZONE).toInstant());
        mvc.perform(post("/reports/daily/summary").param("day", day.toString()).param("body", "按账本")
                .with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("""
                SELECT fig_follow_ups || '/' || fig_visits || '/' || fig_new_customers || '/' || fig_contracts || '/'
                       || fig_contract_amount || '/' || fig_payments || '/' || fig_payment_amount
                FROM work_report WHERE author_id = ? AND kind = 'DAILY_SUMMARY'
                """).param(rep.id()).query(String.class).single()).isEqualTo("3/2/1/1/100000.00/2/50000.50");
        // The week so far adds the day before.
        mvc.perform(get("/reports/week").param("day", day.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("¥149,999.50")));
    }

    private void fact(CurrentUser user, LocalDate day, String board, String... values) {
        for (String value : values) {
            long id = LedgerFixtures.id();
            fixtures.jdbc().sql("""
                    INSERT INTO board_fact (board, user_id, team_id, business_date, value, source, occurred_at,
                                            recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(board, user.id(), user.teamId(), day, new BigDecimal(value), "test:" + id,
                    Timestamp.from(LedgerFixtures.noon(day)), Timestamp.from(LedgerFixtures.noon(day))).update();
        }
    }
}
