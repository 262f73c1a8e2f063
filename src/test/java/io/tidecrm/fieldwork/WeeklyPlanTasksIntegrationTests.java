package io.tidecrm.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The weekly plan's key tasks per day with their expected time (销售周工作计划表). */
@IntegrationTest
class WeeklyPlanTasksIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    CurrentUser rep;
    LocalDate monday;
    LocalDate wednesday;

    @BeforeEach
    void aRepOfManager1sTeamOnAMondayMorning() {
        rep = users.newUser("weektask", Role.REP, "rep1");
        monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        wednesday = monday.plusDays(2);
        clock.setInstant(monday.atTime(9, 30).atZone(ZONE).toInstant());
    }

    private MockHttpServletRequestBuilder weekly() {
        return post("/reports/weekly/plan").param("day", monday.toString()).param("goalCustomers", "2")
                .param("goalAmount", "300000").with(csrf()).with(users.as(rep.getUsername()));
    }

    private static MockHttpServletRequestBuilder task(MockHttpServletRequestBuilder request, int i, LocalDate day,
            String description, String startsAt, String endsAt) {
        return request.param("tasks[" + i + "].day", day.toString()).param("tasks[" + i + "].description", description)
                .param("tasks[" + i + "].startsAt", startsAt).param("tasks[" + i + "].endsAt", endsAt);
    }

    @Test
    void theWeeklyPlansTasksAreKeptPerDayWithTheirExpectedTimeAndShownWithTheDaysTotal() throws Exception {
        var request = task(weekly(), 0, monday, "需求调研，准备方案", "", "17:00");
        task(request, 1, wednesday, "拜访客户，演示方案", "15:00", "16:00");
        task(request, 4, wednesday, "跟进合同条款", "09:00", "10:30");
        task(request, 2, monday.plusDays(1), "", "", ""); // an empty row: ignored
        mvc.perform(request).andExpect(status().is3xxRedirection());

        long id = fixtures.jdbc().sql("SELECT id FROM work_report WHERE author_id = ? AND kind = 'WEEKLY_PLAN'")
                .param(rep.id()).query(Long.class).single();
        assertThat(fixtures.jdbc().sql("""
                SELECT day || ' ' || position || ' ' || description || ' ' || coalesce(starts_at::text, '-') || ' '
                       || ends_at FROM work_report_task WHERE report_id = ? ORDER BY day, position
                """).param(id).query(String.class).list()).containsExactly(
                monday + " 1 需求调研，准备方案 - 17:00:00",
                wednesday + " 1 拜访客户，演示方案 15:00:00 16:00:00",
                wednesday + " 2 跟进合同条款 09:00:00 10:30:00");

        // The week page, the plan as read and the manager's view of the day: tasks, times, the day's total.
        mvc.perform(get("/reports/week").param("day", wednesday.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("17:00 前")))
                .andExpect(content().string(Matchers.containsString("2 项 · 已排 2.5 小时")));
        mvc.perform(get("/reports/{id}", id).with(users.as("manager1")).cookie(new Cookie("tidecrm-lang", "en")))
                .andExpect(content().string(Matchers.containsString("by 17:00")))
                .andExpect(content().string(Matchers.containsString("15:00-16:00")))
                .andExpect(content().string(Matchers.containsString("2 tasks · 2.5 h scheduled")));
        mvc.perform(get("/reports/team").param("day", wednesday.toString()).with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("拜访客户，演示方案")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("需求调研，准备方案"))));
    }

    @Test
    void aBadTaskRowIsRefusedNamingItsDayAndRowInTheUsersLanguageAndWhatWasTypedStays() throws Exception {
        var request = task(weekly(), 0, wednesday, "拜访客户", "", "17:00");
        task(request, 1, wednesday, "准备报价单", "", "");
        task(request, 2, wednesday, "演示", "16:00", "15:00");
        mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("周三 " + wednesday.toString().substring(5)
                        + " 第 2 项：请填写预计完成时间。")))
                .andExpect(content().string(Matchers.containsString("第 3 项：开始时间须早于完成时间。")))
                .andExpect(content().string(Matchers.containsString("value=\"准备报价单\"")))
                .andExpect(content().string(Matchers.containsString("value=\"16:00\"")));
        // A time that is no time: named in English for an English reader, the other rows kept.
        var english = task(weekly().cookie(new Cookie("tidecrm-lang", "en")), 0, wednesday, "拜访客户", "", "25:99");
        task(english, 1, monday, "", "", "17:00");
        mvc.perform(english).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("task 1: enter a time of day such as 15:00.")))
                .andExpect(content().string(Matchers.containsString("value=\"25:99\"")))
                .andExpect(content().string(Matchers.containsString("value=\"拜访客户\"")))
                .andExpect(content().string(Matchers.containsString("task 1: enter what you will do.")));
        // A goal that is no number: named, and the rows typed are kept.
        mvc.perform(task(post("/reports/weekly/plan").param("day", monday.toString()).param("goalCustomers", "两个")
                .with(csrf()).with(users.as(rep.getUsername())), 0, wednesday, "拜访客户", "", "17:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请填写整数")))
                .andExpect(content().string(Matchers.containsString("value=\"拜访客户\"")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM work_report WHERE author_id = ?").param(rep.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aWeeklyPlanNeedsAtLeastOneTask() throws Exception {
        mvc.perform(task(weekly(), 0, monday, "", "", "")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("每日重点工作：请至少填写一项任务。")));
    }

    @Test
    void anAmendmentIsANewVersionWithItsOwnTasksAndAnOldFreeTextPlanStaysReadable() throws Exception {
        // A plan of before the per-day rows: free text only.
        long old = fixtures.jdbc().sql("""
                INSERT INTO work_report (author_id, kind, period_start, version, key_tasks, submitted_at, late)
                VALUES (?, 'WEEKLY_PLAN', ?, 1, '周一拜访，周三演示（半天）', ?, false) RETURNING id
                """).params(rep.id(), monday, Timestamp.from(clock.instant())).query(Long.class).single();
        mvc.perform(get("/reports/{id}", old).with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("周一拜访，周三演示（半天）")));
        mvc.perform(get("/reports/week").param("day", monday.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("周一拜访，周三演示（半天）")));

        mvc.perform(task(weekly(), 0, wednesday, "演示", "14:00", "17:00")).andExpect(status().is3xxRedirection());
        long amended = fixtures.jdbc().sql("""
                SELECT id FROM work_report WHERE author_id = ? AND kind = 'WEEKLY_PLAN' AND version = 2
                """).param(rep.id()).query(Long.class).single();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM work_report_task WHERE report_id = ?").param(amended)
                .query(Long.class).single()).isOne();
        mvc.perform(get("/reports/week").param("day", monday.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("value=\"演示\"")))
                .andExpect(content().string(Matchers.containsString("1 项 · 已排 3 小时")));
        assertThatThrownBy(() -> fixtures.jdbc().sql("UPDATE work_report_task SET description = 'x' WHERE report_id = ?")
                .param(amended).update()).rootCause().hasMessageContaining("kept as they were");
    }
}
