package io.tidecrm.fieldwork.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The administrators' report rules: who must submit ({@link Submitters}), on which days the daily
 * parts are due ({@link DayRule}: the working calendar's working days, or fixed weekdays), which
 * parts are required, by when each is due (business zone; the weekly plan on its Monday), and how
 * many minutes before each deadline the reminder goes out. Also the
 * form of the settings page.
 */
@Label("report.settings")
record ReportSettings(@NotNull Submitters submitters, @NotNull DayRule dayRule, Set<DayOfWeek> weekdays,
        Boolean dailyPlan, Boolean dailySummary, Boolean weeklyPlan,
        @NotNull @Min(5) @Max(240) Integer remindMinutes,
        @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime dailyPlanDue,
        @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime dailySummaryDue,
        @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime weeklyPlanDue,
        Long version) {

    enum Submitters {
        REPS, REPS_AND_MANAGERS
    }

    enum DayRule {
        /** The working calendar's working days: holidays off, make-up days (调休) on. */
        CALENDAR,
        /** The chosen weekdays, whatever the calendar says. */
        WEEKDAYS
    }

    ReportSettings {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
    }

    /** The time of day the part is due by. */
    LocalTime due(ReportKind kind) {
        return switch (kind) {
            case DAILY_PLAN -> dailyPlanDue;
            case DAILY_SUMMARY -> dailySummaryDue;
            case WEEKLY_PLAN -> weeklyPlanDue;
        };
    }

    boolean required(ReportKind kind) {
        Boolean on = switch (kind) {
            case DAILY_PLAN -> dailyPlan;
            case DAILY_SUMMARY -> dailySummary;
            case WEEKLY_PLAN -> weeklyPlan;
        };
        return Boolean.TRUE.equals(on);
    }
}
