package io.tidecrm.report.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Schedules the leaderboard rollup daily just after midnight in the business zone (Quartz,
 * clustered, firing once at once after a misfire).
 */
@Component
class ReportSchedule implements ApplicationRunner {

    static final String GROUP = "report";
    static final JobKey ROLLUP = JobKey.jobKey("rollup", GROUP);

    private final Scheduler scheduler;
    private final Clock clock;
    private final LocalTime rollupTime;

    ReportSchedule(Scheduler scheduler, Clock clock,
            @Value("${tidecrm.report.rollup-time:00:05}") LocalTime rollupTime) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.rollupTime = rollupTime;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(RollupJob.class).withIdentity(ROLLUP).storeDurably().build();
        CronTrigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(ROLLUP.getName(), GROUP)).forJob(ROLLUP)
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(rollupTime.getHour(), rollupTime.getMinute())
                        .inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(trigger.getCronExpression())
                && cron.getTimeZone().getID().equals(trigger.getTimeZone().getID())) {
            return;
        }
        scheduler.addJob(job, true);
        if (existing == null) {
            scheduler.scheduleJob(trigger);
        } else {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
        }
    }

    @DisallowConcurrentExecution
    static class RollupJob implements Job {

        private final ReportJobs jobs;

        RollupJob(ReportJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.rollup((context.getScheduledFireTime() != null ? context.getScheduledFireTime()
                    : context.getFireTime()).toInstant(), false);
        }
    }
}
