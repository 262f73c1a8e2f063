package io.tidecrm.fieldwork.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.service.WorkingCalendar;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must submit which report part on which day, as the administrators set it. By default the
 * daily parts are due on the working calendar's working days (service module): Monday to Friday
 * like a fixed weekday rule, but a public holiday needs no report and a make-up working day (调休)
 * does, which a fixed weekday set cannot know. The weekly plan is due in a week that has at least
 * one such day. A change is published as {@link RuleChanged} for the audit log.
 */
@Component
@Transactional
class ReportRules {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final UserManagement users;
    private final ApplicationEventPublisher events;

    ReportRules(JdbcClient jdbc, WorkingCalendar calendar, UserManagement users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.users = users;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ReportSettings settings() {
        return jdbc.sql("""
                SELECT submitters, day_rule, weekdays, daily_plan, daily_summary, weekly_plan, remind_minutes, version,
                       daily_plan_due, daily_summary_due, weekly_plan_due
                FROM fieldwork_report_settings WHERE id = 1
                """)
                .query((rs, n) -> new ReportSettings(ReportSettings.Submitters.valueOf(rs.getString(1)),
                        ReportSettings.DayRule.valueOf(rs.getString(2)),
                        Arrays.stream((Short[]) rs.getArray(3).getArray()).map(d -> DayOfWeek.of(d))
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7),
                        rs.getObject(9, LocalTime.class), rs.getObject(10, LocalTime.class),
                        rs.getObject(11, LocalTime.class), rs.getLong(8)))
                .single();
    }

    /**
     * Saves the settings (optimistic: a stale form is refused); returns whether the reminder times
     * changed (a deadline or the lead), so that the caller reschedules the reminder jobs.
     */
    boolean update(ReportSettings form, long byUserId, Instant at) {
        if (form.dayRule() == ReportSettings.DayRule.WEEKDAYS && form.weekdays().isEmpty()) {
            throw new RuleViolation("weekdays", "report.settings.weekdays.empty");
        }
        ReportSettings before = settings();
        int updated = jdbc.sql("""
                UPDATE fieldwork_report_settings SET submitters = :submitters, day_rule = :dayRule,
                       weekdays = CAST(:weekdays AS smallint[]), daily_plan = :dailyPlan, daily_summary = :dailySummary,
                       weekly_plan = :weeklyPlan, remind_minutes = :minutes, daily_plan_due = :planDue,
                       daily_summary_due = :summaryDue, weekly_plan_due = :weeklyDue, version = version + 1
                WHERE id = 1 AND version = :version
                """)
                .param("submitters", form.submitters().name())
                .param("dayRule", form.dayRule().name())
                .param("weekdays", form.weekdays().stream().sorted().map(d -> (short) d.getValue()).toArray(Short[]::new))
                .param("dailyPlan", form.required(ReportKind.DAILY_PLAN))
                .param("dailySummary", form.required(ReportKind.DAILY_SUMMARY))
                .param("weeklyPlan", form.required(ReportKind.WEEKLY_PLAN))
                .param("minutes", form.remindMinutes())
                .param("planDue", form.dailyPlanDue()).param("summaryDue", form.dailySummaryDue())
                .param("weeklyDue", form.weeklyPlanDue())
                .param("version", form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        ReportSettings after = settings();
        events.publishEvent(new RuleChanged("fieldwork.reportRules", describe(before), describe(after), byUserId, at));
        return !before.remindMinutes().equals(after.remindMinutes())
                || java.util.Arrays.stream(ReportKind.values()).anyMatch(k -> !before.due(k).equals(after.due(k)));
    }

    private static String describe(ReportSettings s) {
        return "submitters=" + s.submitters() + ", days=" + s.dayRule()
                + (s.dayRule() == ReportSettings.DayRule.WEEKDAYS ? s.weekdays().stream().sorted()
                        .map(d -> String.valueOf(d.getValue())).collect(Collectors.joining("", "(", ")")) : "")
                + ", dailyPlan=" + s.dailyPlan() + ", dailySummary=" + s.dailySummary() + ", weeklyPlan="
                + s.weeklyPlan() + ", remindMinutes=" + s.remindMinutes() + ", due=" + s.dailyPlanDue() + "/"
                + s.dailySummaryDue() + "/" + s.weeklyPlanDue();
    }

    /** Whether the part is due for its period starting on {@code period} (a day; the weekly plan: its Monday). */
    boolean dueOn(ReportSettings s, ReportKind kind, LocalDate period) {
        if (!s.required(kind)) {
            return false;
        }
        if (kind.weekly()) {
            return period.datesUntil(period.plusDays(7)).anyMatch(d -> workingDay(s, d));
        }
        return workingDay(s, period);
    }

    /**
     * The days of the week starting on {@code week} (a Monday) that its plan lists tasks for:
     * Monday to Friday, and Saturday or Sunday when the rules make it a working day (a make-up day
     * of the calendar, or a chosen weekday).
     */
    @Transactional(readOnly = true)
    List<LocalDate> planDays(LocalDate week) {
        ReportSettings s = settings();
        return week.datesUntil(week.plusDays(7))
                .filter(d -> d.getDayOfWeek().getValue() <= 5 || workingDay(s, d)).toList();
    }

    private boolean workingDay(ReportSettings s, LocalDate day) {
        return s.dayRule() == ReportSettings.DayRule.CALENDAR ? calendar.isWorkingDay(day)
                : s.weekdays().contains(day.getDayOfWeek());
    }

    /** The enabled users who must submit. */
    List<Long> submitterIds(ReportSettings s) {
        Set<Role> roles = s.submitters() == ReportSettings.Submitters.REPS ? EnumSet.of(Role.REP)
                : EnumSet.of(Role.REP, Role.MANAGER);
        return users.findEnabledUsers().stream().filter(u -> roles.contains(u.role())).map(UserSummary::id).toList();
    }
}
