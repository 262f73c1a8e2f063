package io.tidecrm.fieldwork.internal;

import java.time.Clock;
import java.time.LocalTime;

import io.tidecrm.support.DailyJobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The reminder jobs in Quartz (clustered JDBC store: each firing runs on one node), one per report
 * part, daily at the part's deadline less the settings' reminder minutes, in the business zone
 * (the weekly plan's job acts on Mondays only). Kept in step at start-up and after the settings
 * change.
 */
@Component
class ReminderSchedule implements ApplicationRunner {

    static final String GROUP = "fieldwork";

    private final Scheduler scheduler;
    private final ReportRules rules;
    private final Clock clock;

    ReminderSchedule(Scheduler scheduler, ReportRules rules, Clock clock) {
        this.scheduler = scheduler;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        apply();
    }

    void apply() throws SchedulerException {
        ReportSettings settings = rules.settings();
        long minutes = settings.remindMinutes();
        schedule(ReportKind.DAILY_PLAN, DailyPlanReminder.class,
                settings.due(ReportKind.DAILY_PLAN).minusMinutes(minutes));
        schedule(ReportKind.DAILY_SUMMARY, DailySummaryReminder.class,
                settings.due(ReportKind.DAILY_SUMMARY).minusMinutes(minutes));
        schedule(ReportKind.WEEKLY_PLAN, WeeklyPlanReminder.class,
                settings.due(ReportKind.WEEKLY_PLAN).minusMinutes(minutes));
    }

    private void schedule(ReportKind kind, Class<? extends Job> type, LocalTime at) throws SchedulerException {
        DailyJobs.schedule(scheduler, JobKey.jobKey("remind-" + kind.name().toLowerCase(), GROUP), type, at,
                clock.getZone());
    }

    abstract static class Reminder implements Job {

        private final ReportReminders reminders;
        private final ReportKind kind;

        Reminder(ReportReminders reminders, ReportKind kind) {
            this.reminders = reminders;
            this.kind = kind;
        }

        @Override
        public void execute(JobExecutionContext context) {
            reminders.remind(kind, DailyJobs.firedFor(context));
        }
    }

    @DisallowConcurrentExecution
    static class DailyPlanReminder extends Reminder {
        DailyPlanReminder(ReportReminders reminders) {
            super(reminders, ReportKind.DAILY_PLAN);
        }
    }

    @DisallowConcurrentExecution
    static class DailySummaryReminder extends Reminder {
        DailySummaryReminder(ReportReminders reminders) {
            super(reminders, ReportKind.DAILY_SUMMARY);
        }
    }

    @DisallowConcurrentExecution
    static class WeeklyPlanReminder extends Reminder {
        WeeklyPlanReminder(ReportReminders reminders) {
            super(reminders, ReportKind.WEEKLY_PLAN);
        }
    }
}
