package io.tidecrm.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReportIntegrationTests {

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
    Deliveries deliveries;

    CurrentUser rep;
    LocalDate day;

    @BeforeEach
    void aRepOfManager1sTeam() {
        rep = users.newUser("reporter", Role.REP, "rep1");
        // A Wednesday, so that the week's Monday is two days before.
        day = LocalDate.now(ZONE).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.WEDNESDAY));
    }

    private void at(int hour, int minute) {
        clock.setInstant(day.atTime(hour, minute).atZone(ZONE).toInstant());
    }

    @Test
    void thePlanIsDueAt0900AndTheSummaryAt1800InTheBusinessZoneAndAnAmendmentIsANewVersion() throws Exception {
        at(8, 59);
        plan("拜访三家客户").andExpect(status().is3xxRedirection());
        at(9, 1);
        plan("拜访三家客户，加一家").andExpect(status().is3xxRedirection());
        at(17, 59);
        summary("完成两家").andExpect(status().is3xxRedirection());
        at(18, 1);
        summary("完成两家，补充").andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("""
                SELECT kind || ':' || version || ':' || late FROM work_report WHERE author_id = ? ORDER BY kind, version
                """).param(rep.id()).query(String.class).list())
                .containsExactly("DAILY_PLAN:1:false", "DAILY_PLAN:2:true", "DAILY_SUMMARY:1:false",
                        "DAILY_SUMMARY:2:true");
        assertThatThrownBy(() -> fixtures.jdbc().sql("UPDATE work_report SET body = 'x' WHERE author_id = ?")
                .param(rep.id()).update()).rootCause().hasMessageContaining("kept as they were");
        mvc.perform(get("/reports").param("day", day.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("拜访三家客户，加一家")))
                .andExpect(content().string(Matchers.containsString("逾期提交")));
    }

    @Test
    void theSummaryFillsInTheDaysFiguresFromWhatHappened() throws Exception {
        at(10, 0);
        long customer = fixtures.insert(CustomerFixtures.uniqueName("日报"), "B", "INTENT", rep.id());
        for (String text : List.of("电话沟通需求", "微信发送资料")) {
            mvc.perform(post("/customers/{id}/follow-ups", customer).param("kind", "PHONE")
                    .param("occurredAt", LocalDateTime.ofInstant(clock.instant(), ZONE).truncatedTo(ChronoUnit.MINUTES).toString())
                    .param("content", text).with(csrf()).with(users.as(rep.getUsername())))
                    .andExpect(status().is3xxRedirection());
        }
        String location = mvc.perform(post("/customers/{id}/visits", customer)
                .param("plannedAt", day.atTime(11, 0).toString()).param("purpose", "面谈")
                .with(csrf()).with(users.as(rep.getUsername()))).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/check-in").param("locationError", "code-1").with(csrf())
                .with(users.as(rep.getUsername())));
        deliveries.awaitAll();
        at(17, 30);
        summary("今天两次跟进一次拜访").andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("""
                SELECT fig_follow_ups || '/' || fig_visits || '/' || fig_new_customers FROM work_report
                WHERE author_id = ? AND kind = 'DAILY_SUMMARY'
                """).param(rep.id()).query(String.class).single()).isEqualTo("2/1/0");
    }

    @Test
    void theWeeklyPlanIsSignedOffByTheRepsOwnManagerOnlyAndOnce() throws Exception {
        at(9, 30);
        mvc.perform(post("/reports/weekly/plan").param("day", day.toString()).param("goalCustomers", "2")
                .param("goalAmount", "300000").param("tasks[0].day", day.minusDays(2).toString())
                .param("tasks[0].description", "周一拜访").param("tasks[0].endsAt", "17:00").with(csrf())
                .with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        long id = fixtures.jdbc().sql("SELECT id FROM work_report WHERE author_id = ? AND kind = 'WEEKLY_PLAN'")
                .param(rep.id()).query(Long.class).single();
        assertThat(fixtures.jdbc().sql("SELECT period_start FROM work_report WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(day.minusDays(2));

        mvc.perform(get("/reports/{id}", id).with(users.as("manager2"))).andExpect(status().isNotFound());
        mvc.perform(post("/reports/{id}/sign-off", id).param("body", "同意").with(csrf()).with(users.as("manager2")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/reports/{id}/sign-off", id).param("body", "自己签").with(csrf())
                .with(users.as(rep.getUsername()))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/{id}", id).with(users.as("manager1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("审核签字")));
        mvc.perform(post("/reports/{id}/sign-off", id).param("body", "目标可行，周三演示请叫上售前").with(csrf())
                .with(users.as("manager1"))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/reports/{id}/sign-off", id).param("body", "再签一次").with(csrf())
                .with(users.as("manager1"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该周计划已审核签字")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM work_report_comment WHERE report_id = ? AND sign_off")
                .param(id).query(Long.class).single()).isOne();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM work_report_read WHERE report_id = ? AND user_id = ?")
                .params(id, fixtures.userId("manager1")).query(Long.class).single()).isOne();
        mvc.perform(get("/reports/week").param("day", day.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("目标可行")));
        // The rep is told of the sign-off in the inbox, once, with a link to the plan.
        deliveries.awaitAll();
        assertThat(fixtures.jdbc().sql("""
                SELECT link FROM notification WHERE recipient_id = ? AND kind = 'REPORT_COMMENTED'
                """).param(rep.id()).query(String.class).list()).containsExactly("/reports/" + id);
    }

    @Test
    void theManagersViewShowsWhoHasNotSubmitted() throws Exception {
        at(9, 30);
        plan("今日计划").andExpect(status().is3xxRedirection());
        mvc.perform(get("/reports/team").param("day", day.toString()).with(users.as("manager1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("member-" + rep.id())))
                .andExpect(content().string(Matchers.containsString("未提交")));
        mvc.perform(get("/reports/team").with(users.as("rep1"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/team").param("day", day.toString()).with(users.as("manager2")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("member-" + rep.id() + "\""))));
    }

    private org.springframework.test.web.servlet.ResultActions plan(String tasks) throws Exception {
        return mvc.perform(post("/reports/daily/plan").param("day", day.toString()).param("keyTasks", tasks)
                .with(csrf()).with(users.as(rep.getUsername())));
    }

    private org.springframework.test.web.servlet.ResultActions summary(String body) throws Exception {
        return mvc.perform(post("/reports/daily/summary").param("day", day.toString()).param("body", body)
                .with(csrf()).with(users.as(rep.getUsername())));
    }
}
