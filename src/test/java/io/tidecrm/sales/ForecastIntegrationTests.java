package io.tidecrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The forecast sums amount × probability by expected close month for the rep's own, the
 * manager's team's or everyone's opportunities, from the clock's month on, with overdue open
 * ones apart. Dates in 2091 keep other tests' opportunities out of the month rows.
 */
@IntegrationTest
class ForecastIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Test
    void forecastSumsPerRoleByCloseMonthAndFollowsTheClock() throws Exception {
        clock.setInstant(Instant.parse("2091-03-15T02:00:00Z")); // 10:00 in Shanghai
        CurrentUser manager = users.newManagerOfNewTeam("fcm");
        CurrentUser rep = users.newUser("fcr", Role.REP, manager.getUsername());
        CurrentUser colleague = users.newUser("fcc", Role.REP, manager.getUsername());
        long repCustomer = fixtures.insert(CustomerFixtures.uniqueName("预测"), "B", "INTENT", rep.id());
        long colleagueCustomer = fixtures.insert(CustomerFixtures.uniqueName("预测"), "B", "INTENT", colleague.id());

        create(rep, repCustomer, "10000", "2091-03-20", "LEAD", null);            // 10% → 1,000 in March
        create(rep, repCustomer, "20000", "2091-05-01", "QUALIFIED", "50");      // 50% → 10,000 in May
        create(rep, repCustomer, "5000", "2091-03-01", "SOLUTION", null);        // overdue, 40% → 2,000
        close(rep, create(rep, repCustomer, "7000", "2091-04-10", "LEAD", null), "WON");   // won 7,000 in April
        close(rep, create(rep, repCustomer, "9000", "2091-04-10", "LEAD", null), "LOST");  // lost: nothing
        create(rep, repCustomer, "1000", "2091-09-01", "LEAD", null);            // after the six months
        close(rep, create(rep, repCustomer, "3000", "2091-02-10", "LEAD", null), "WON");   // won before March
        create(colleague, colleagueCustomer, "30000", "2091-06-30", "NEGOTIATION", null); // 80% → 24,000 in June

        String mine = forecast(rep.getUsername());
        assertThat(mine).contains("我的商机");
        assertThat(cell(mine, "forecast-overdue", "weighted")).isEqualTo("¥2,000.00");
        assertThat(cell(mine, "forecast-overdue", "open-count")).isEqualTo("1");
        assertThat(cell(mine, "forecast-2091-03", "weighted")).isEqualTo("¥1,000.00");
        assertThat(cell(mine, "forecast-2091-04", "won")).isEqualTo("¥7,000.00");
        assertThat(cell(mine, "forecast-2091-04", "weighted")).isEqualTo("¥0.00");
        assertThat(cell(mine, "forecast-2091-05", "weighted")).isEqualTo("¥10,000.00");
        assertThat(cell(mine, "forecast-2091-06", "weighted")).isEqualTo("¥0.00");
        assertThat(mine).doesNotContain("forecast-2091-09", "forecast-2091-02");
        assertThat(cell(mine, "forecast-total", "weighted")).isEqualTo("¥13,000.00");
        assertThat(cell(mine, "forecast-total", "forecast")).isEqualTo("¥20,000.00");
        assertThat(cell(mine, "forecast-total", "open-count")).isEqualTo("3");

        String colleagues = forecast(colleague.getUsername());
        assertThat(cell(colleagues, "forecast-total", "forecast")).isEqualTo("¥24,000.00");

        String teams = forecast(manager.getUsername());
        assertThat(teams).contains("本团队的商机");
        assertThat(cell(teams, "forecast-2091-05", "weighted")).isEqualTo("¥10,000.00");
        assertThat(cell(teams, "forecast-2091-06", "weighted")).isEqualTo("¥24,000.00");
        assertThat(cell(teams, "forecast-total", "forecast")).isEqualTo("¥44,000.00");
        assertThat(cell(teams, "forecast-owner-" + rep.id(), "forecast")).isEqualTo("¥20,000.00");
        assertThat(cell(teams, "forecast-owner-" + colleague.id(), "forecast")).isEqualTo("¥24,000.00");

        // Another team's manager sees none of it; an administrator sees everyone's (only this
        // test has opportunities in 2091, so the month rows are exactly the team's).
        String otherTeam = forecast("manager1");
        assertThat(cell(otherTeam, "forecast-2091-06", "weighted")).isEqualTo("¥0.00");
        String everyone = forecast("admin");
        assertThat(everyone).contains("全部商机");
        assertThat(cell(everyone, "forecast-2091-05", "weighted")).isEqualTo("¥10,000.00");
        assertThat(cell(everyone, "forecast-2091-06", "weighted")).isEqualTo("¥24,000.00");
        assertThat(cell(everyone, "forecast-2091-04", "won")).isEqualTo("¥7,000.00");

        // A month later March is over: its open opportunity is overdue, and September comes in.
        clock.advance(Duration.ofDays(31));
        mine = forecast(rep.getUsername());
        assertThat(mine).doesNotContain("forecast-2091-03");
        assertThat(cell(mine, "forecast-overdue", "weighted")).isEqualTo("¥3,000.00");
        assertThat(cell(mine, "forecast-2091-04", "won")).isEqualTo("¥7,000.00");
        assertThat(cell(mine, "forecast-2091-09", "weighted")).isEqualTo("¥100.00");
        assertThat(cell(mine, "forecast-total", "forecast")).isEqualTo("¥20,100.00");
    }

    private long create(CurrentUser user, long customer, String amount, String closeDate, String stage,
            String probability) throws Exception {
        var request = post("/customers/{id}/opportunities", customer).with(users.as(user.getUsername())).with(csrf())
                .param("title", "预测商机").param("amount", amount).param("expectedCloseDate", closeDate)
                .param("stage", stage);
        if (probability != null) {
            request.param("probability", probability);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void close(CurrentUser user, long id, String stage) throws Exception {
        mvc.perform(post("/opportunities/{id}/stage", id).with(users.as(user.getUsername())).with(csrf())
                .param("stage", stage).param("version", "0").param("lostReason", "预算不足"))
                .andExpect(status().is3xxRedirection());
    }

    private String forecast(String username) throws Exception {
        return mvc.perform(get("/opportunities/forecast").with(users.as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The text of the cell with class {@code column} in the row with id {@code rowId}. */
    private static String cell(String html, String rowId, String column) {
        int row = html.indexOf("id=\"" + rowId + "\"");
        assertThat(row).as("row " + rowId).isNotNegative();
        String rest = html.substring(row, html.indexOf("</tr>", row));
        Matcher m = Pattern.compile("class=\"text-end " + column + "\"[^>]*>(?:<span[^>]*>)?([^<]*)<").matcher(rest);
        assertThat(m.find()).as(column + " in " + rowId).isTrue();
        return m.group(1).strip();
    }
}
