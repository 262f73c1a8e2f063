package io.tidecrm.fieldwork.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.hamcrest.Matchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reminders before the report deadlines: once per rep, part and period whatever reruns, only
 * to those who must submit and have not, only on days the rules make due, reckoned in the
 * business zone. Each test has days of its own (far ahead, so that no other test's runs share them).
 */
@IntegrationTest
class ReportReminderIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    ReportReminders reminders;

    @Autowired
    ReportRules rules;

    @Autowired
    Reports reports;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Deliveries deliveries;

    CurrentUser rep;
    CurrentUser other;
    ReportSettings original;

    @BeforeEach
    void twoReps() {
        rep = users.newUser("remind", Role.REP, "rep1");
        other = users.newUser("remind-other", Role.REP, "rep1");
        original = rules.settings();
    }

    @AfterEach
    void restoreTheRules() {
        ReportSettings now = rules.settings();
        rules.update(new ReportSettings(original.submitters(), original.dayRule(), original.weekdays(),
                original.dailyPlan(), original.dailySummary(), original.weeklyPlan(), original.remindMinutes(),
                original.dailyPlanDue(), original.dailySummaryDue(), original.weeklyPlanDue(), now.version()),
                rep.id(), Instant.now());
    }

    private Instant at(LocalDate day, int hour, int minute) {
        Instant at = day.atTime(hour, minute).atZone(ZONE).toInstant();
        clock.setInstant(at);
        return at;
    }

    private int reminded(CurrentUser user) {
        deliveries.awaitAll();
        return fixtures.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'REPORT_REMINDER'")
                .param(user.id()).query(Integer.class).single();
    }

    @Test
    void aRerunOrASecondRunOfTheSameDeadlineRemindsNobodyTwice() {
        LocalDate wednesday = LocalDate.of(2031, 3, 5);
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(wednesday, 8, 30)).status()).isEqualTo("DONE");
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(wednesday, 8, 30)).status()).isEqualTo("ALREADY_DONE");
        // Another firing before the same deadline (a changed reminder time, a run by hand): nobody twice.
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(wednesday, 8, 45)).reminded()).isZero();
        assertThat(reminded(rep)).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("""
                SELECT message_key || ' ' || link FROM notification WHERE recipient_id = ? AND kind = 'REPORT_REMINDER'
                """).param(rep.id()).query(String.class).single())
                .isEqualTo("report.reminder.DAILY_PLAN /reports?day=2031-03-05");
        // The summary of the same day is a deadline of its own.
        reminders.remind(ReportKind.DAILY_SUMMARY, at(wednesday, 17, 30));
        assertThat(reminded(rep)).isEqualTo(2);
    }

    @Test
    void aRepWhoSubmittedIsNotReminded() {
        LocalDate thursday = LocalDate.of(2031, 3, 13);
        at(thursday, 8, 0);
        reports.submitDailyPlan(thursday, new DailyPlanForm(java.util.List.of(), "拜访两家", ""), rep);
        reminders.remind(ReportKind.DAILY_PLAN, at(thursday, 8, 30));
        assertThat(reminded(rep)).isZero();
        assertThat(reminded(other)).isEqualTo(1);
    }

    @Test
    void aNonWorkingDayRemindsNobodyAndAMakeUpWorkingDayDoes() {
        LocalDate saturday = LocalDate.of(2031, 3, 22);
        LocalDate holiday = LocalDate.of(2031, 3, 24);
        LocalDate makeUp = LocalDate.of(2031, 3, 29);
        fixtures.jdbc().sql("INSERT INTO service_calendar_day (day, working, name) VALUES (?, false, '测试假日'), (?, true, '测试调休')")
                .params(holiday, makeUp).update();
        try {
            assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(saturday, 8, 30)).status()).isEqualTo("NOT_DUE");
            assertThat(reminders.remind(ReportKind.DAILY_SUMMARY, at(holiday, 17, 30)).status()).isEqualTo("NOT_DUE");
            assertThat(reminded(rep)).isZero();
            assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(makeUp, 8, 30)).status()).isEqualTo("DONE");
            assertThat(reminded(rep)).isEqualTo(1);
        } finally {
            fixtures.jdbc().sql("DELETE FROM service_calendar_day WHERE day IN (?, ?)").params(holiday, makeUp).update();
        }
    }

    @Test
    void fixedWeekdaysReplaceTheCalendarWhenTheAdministratorSaysSo() {
        rules.update(new ReportSettings(ReportSettings.Submitters.REPS, ReportSettings.DayRule.WEEKDAYS,
                EnumSet.of(DayOfWeek.SATURDAY), true, true, true, 30, LocalTime.of(9, 0), LocalTime.of(18, 0),
                LocalTime.of(10, 0), rules.settings().version()), rep.id(),
                Instant.now());
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(LocalDate.of(2031, 4, 5), 8, 30)).status())
                .isEqualTo("DONE");
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, at(LocalDate.of(2031, 4, 7), 8, 30)).status())
                .isEqualTo("NOT_DUE");
        assertThat(reminded(rep)).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE subject = 'fieldwork.reportRules' AND actor_id = ?")
                .param(rep.id())
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void theDayIsTheBusinessZonesAndAFiringAfterTheDeadlineRemindsNobody() {
        // 07:30 on a Monday in Shanghai is 23:30 on Sunday in UTC: the Monday's plan is reminded of.
        LocalDate monday = LocalDate.of(2031, 4, 14);
        Instant early = at(monday, 7, 30);
        assertThat(LocalDate.ofInstant(early, ZoneId.of("UTC")).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(reminders.remind(ReportKind.DAILY_PLAN, early).status()).isEqualTo("DONE");
        assertThat(fixtures.jdbc().sql("SELECT period_start FROM fieldwork_reminder WHERE user_id = ? AND kind = 'DAILY_PLAN'")
                .param(rep.id()).query(LocalDate.class).single()).isEqualTo(monday);
        // The weekly plan on the Monday only.
        assertThat(reminders.remind(ReportKind.WEEKLY_PLAN, at(monday, 9, 30)).status()).isEqualTo("DONE");
        assertThat(reminders.remind(ReportKind.WEEKLY_PLAN, at(monday.plusDays(1), 9, 30)).status())
                .isEqualTo("NOT_DUE");
        // A misfire executed at the summary's deadline (18:00) is too late to remind anybody.
        Instant scheduled = monday.atTime(17, 30).atZone(ZONE).toInstant();
        at(monday, 18, 0);
        assertThat(reminders.remind(ReportKind.DAILY_SUMMARY, scheduled).status()).isEqualTo("TOO_LATE");
        assertThat(reminded(rep)).isEqualTo(2);
    }

    @Test
    void theRulesPageRefusesFixedWeekdaysWithoutAWeekdayNamingTheFieldAndKeepsTheInput() throws Exception {
        mvc.perform(get("/admin/fieldwork").with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("工作日历的工作日")));
        mvc.perform(get("/admin/fieldwork").with(users.as(rep.getUsername()))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/fieldwork/settings").param("submitters", "REPS_AND_MANAGERS")
                .param("dayRule", "WEEKDAYS").param("remindMinutes", "45").param("dailyPlan", "true")
                .param("dailyPlanDue", "09:00").param("dailySummaryDue", "18:00").param("weeklyPlanDue", "10:00")
                .param("version", String.valueOf(rules.settings().version())).with(csrf()).with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请至少选择一天")))
                .andExpect(content().string(Matchers.containsString("value=\"45\"")));
        assertThat(rules.settings().submitters()).isEqualTo(ReportSettings.Submitters.REPS);
        mvc.perform(post("/admin/fieldwork/settings").param("submitters", "REPS_AND_MANAGERS")
                .param("dayRule", "WEEKDAYS").param("weekdays", "MONDAY", "TUESDAY").param("remindMinutes", "45")
                .param("dailyPlan", "true").param("dailyPlanDue", "09:00").param("dailySummaryDue", "18:00")
                .param("weeklyPlanDue", "10:00").param("version", String.valueOf(rules.settings().version()))
                .with(csrf()).with(users.as("admin")))
                .andExpect(status().is3xxRedirection());
        ReportSettings saved = rules.settings();
        assertThat(saved.weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(saved.remindMinutes()).isEqualTo(45);
        assertThat(saved.required(ReportKind.DAILY_SUMMARY)).isFalse();
    }

    @Autowired
    org.quartz.Scheduler scheduler;

    private String reminderCron(ReportKind kind) throws Exception {
        return ((org.quartz.CronTrigger) scheduler.getTrigger(org.quartz.TriggerKey.triggerKey(
                "remind-" + kind.name().toLowerCase(), ReminderSchedule.GROUP))).getCronExpression();
    }

    private void saveDueTimes(String plan, String summary, String weekly) throws Exception {
        ReportSettings s = rules.settings();
        var request = post("/admin/fieldwork/settings").param("submitters", s.submitters().name())
                .param("dayRule", s.dayRule().name()).param("remindMinutes", String.valueOf(s.remindMinutes()))
                .param("dailyPlan", String.valueOf(s.dailyPlan())).param("dailySummary", String.valueOf(s.dailySummary()))
                .param("weeklyPlan", String.valueOf(s.weeklyPlan())).param("dailyPlanDue", plan)
                .param("dailySummaryDue", summary).param("weeklyPlanDue", weekly)
                .param("version", String.valueOf(s.version())).with(csrf()).with(users.as("admin"));
        s.weekdays().forEach(d -> request.param("weekdays", d.name()));
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    @Test
    void theAdministratorsDeadlinesDecideLatenessAndASavedChangeReschedulesTheReminders() throws Exception {
        ReportSettings before = rules.settings();
        LocalDate day = LocalDate.of(2031, 4, 9);
        try {
            saveDueTimes("10:30", "19:00", "11:00");
            ReportSettings saved = rules.settings();
            assertThat(saved.due(ReportKind.DAILY_PLAN)).isEqualTo(LocalTime.of(10, 30));
            // The reminders go out the lead's minutes before the new deadlines.
            assertThat(reminderCron(ReportKind.DAILY_PLAN)).isEqualTo(
                    "0 " + LocalTime.of(10, 30).minusMinutes(saved.remindMinutes()).getMinute() + " "
                            + LocalTime.of(10, 30).minusMinutes(saved.remindMinutes()).getHour() + " ? * *");
            assertThat(reminderCron(ReportKind.DAILY_SUMMARY)).contains(" "
                    + LocalTime.of(19, 0).minusMinutes(saved.remindMinutes()).getHour() + " ");
            assertThat(reports.deadline(ReportKind.DAILY_PLAN, day))
                    .isEqualTo(day.atTime(10, 30).atZone(ZONE).toInstant());
            assertThat(reports.deadline(ReportKind.WEEKLY_PLAN, day))
                    .isEqualTo(day.atTime(11, 0).atZone(ZONE).toInstant());
            // A plan at 10:00 is on time now; it was late under 09:00.
            at(day, 10, 0);
            mvc.perform(post("/reports/daily/plan").param("day", day.toString()).param("keyTasks", "拜访")
                    .with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
            assertThat(fixtures.jdbc().sql("SELECT late FROM work_report WHERE author_id = ? AND kind = 'DAILY_PLAN'")
                    .param(rep.id()).query(Boolean.class).single()).isFalse();
        } finally {
            saveDueTimes(before.dailyPlanDue().toString(), before.dailySummaryDue().toString(),
                    before.weeklyPlanDue().toString());
        }
        assertThat(reminderCron(ReportKind.DAILY_PLAN)).isEqualTo("0 "
                + before.dailyPlanDue().minusMinutes(before.remindMinutes()).getMinute() + " "
                + before.dailyPlanDue().minusMinutes(before.remindMinutes()).getHour() + " ? * *");
    }

    @Test
    void aMalformedDeadlineIsNamedOnTheAdministratorsPageAndNothingIsSaved() throws Exception {
        ReportSettings s = rules.settings();
        var request = post("/admin/fieldwork/settings").param("submitters", s.submitters().name())
                .param("dayRule", s.dayRule().name()).param("remindMinutes", String.valueOf(s.remindMinutes()))
                .param("dailyPlan", String.valueOf(s.dailyPlan())).param("dailySummary", String.valueOf(s.dailySummary()))
                .param("weeklyPlan", String.valueOf(s.weeklyPlan())).param("dailyPlanDue", "9点")
                .param("dailySummaryDue", "18:00").param("weeklyPlanDue", "10:00")
                .param("version", String.valueOf(s.version())).with(csrf()).with(users.as("admin"));
        s.weekdays().forEach(d -> request.param("weekdays", d.name()));
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("is-invalid").contains("9点");
        assertThat(rules.settings().dailyPlanDue()).isEqualTo(s.dailyPlanDue());
        assertThat(rules.settings().version()).isEqualTo(s.version());
    }
}
