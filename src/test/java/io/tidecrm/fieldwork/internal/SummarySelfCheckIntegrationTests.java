package io.tidecrm.fieldwork.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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

/** The behaviour self-check (行为自检表) answered inside the day's summary. */
@IntegrationTest
class SummarySelfCheckIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    SelfChecks checks;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Test
    void theSummaryAnswersTodaysSelfCheckInTheSameRowsPrefilledWithTodaysAnswersAndShowsThem() throws Exception {
        CurrentUser rep = users.newUser("sumcheck", Role.REP, "rep1");
        LocalDate day = LocalDate.of(2031, 9, 10);
        clock.setInstant(day.atTime(17, 40).atZone(ZONE).toInstant());
        List<SelfChecks.Item> items = checks.items(true);
        // Answered on the self-check page first: the summary form shows it ticked.
        mvc.perform(post("/self-check").param("day", day.toString()).param("done", String.valueOf(items.get(0).id()))
                .with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reports").param("day", day.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("id=\"summary-self-check\"")))
                .andExpect(content().string(Matchers.matchesRegex(
                        "(?s).*value=\"" + items.get(0).id() + "\" id=\"done" + items.get(0).id() + "\" checked.*")));

        mvc.perform(post("/reports/daily/summary").param("day", day.toString()).param("body", "拜访两家")
                .param("selfCheck", "1").param("done", String.valueOf(items.get(1).id()))
                .param("remark" + items.get(0).id(), "明天注意着装").with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("""
                SELECT item_id || ':' || done || ':' || coalesce(remark, '-') FROM self_check_answer
                WHERE user_id = ? AND day = ? AND item_id IN (?, ?) ORDER BY item_id
                """).params(rep.id(), day, items.get(0).id(), items.get(1).id()).query(String.class).list())
                .containsExactly(items.get(0).id() + ":false:明天注意着装", items.get(1).id() + ":true:-");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM self_check_answer WHERE user_id = ? AND day = ?")
                .params(rep.id(), day).query(Long.class).single()).isEqualTo(items.size());

        long summary = fixtures.jdbc().sql("SELECT id FROM work_report WHERE author_id = ? AND kind = 'DAILY_SUMMARY'")
                .param(rep.id()).query(Long.class).single();
        mvc.perform(get("/reports/{id}", summary).with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("id=\"report-self-check\"")))
                .andExpect(content().string(Matchers.containsString("明天注意着装")));
    }

    @Test
    void aSummaryWithoutTheChecklistOrOfAnEarlierDayLeavesTheSelfCheckAlone() throws Exception {
        CurrentUser rep = users.newUser("sumcheck-late", Role.REP, "rep1");
        LocalDate day = LocalDate.of(2031, 9, 11);
        clock.setInstant(day.atTime(9, 0).atZone(ZONE).toInstant());
        mvc.perform(post("/reports/daily/summary").param("day", day.minusDays(1).toString()).param("body", "补交")
                .param("selfCheck", "1").with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/reports/daily/summary").param("day", day.toString()).param("body", "无自检")
                .with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM self_check_answer WHERE user_id = ?").param(rep.id())
                .query(Long.class).single()).isZero();
    }
}
