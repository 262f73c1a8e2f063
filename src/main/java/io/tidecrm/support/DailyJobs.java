package io.tidecrm.support;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
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

/**
 * The daily Quartz jobs of the modules (the pool's reclaim and warnings, the leaderboard's
 * rollup and push): a cron trigger at a time of day in the business zone, firing once at once
 * after a misfire, kept in step with the configured time without losing Quartz's state.
 */
public final class DailyJobs {

    private DailyJobs() {
    }

    /**
     * Schedules the job daily at the time, or reschedules it when its time or zone changed; an
     * unchanged trigger is left as it is (with any pending misfire). The trigger has the job's key.
     */
    public static void schedule(Scheduler scheduler, JobKey key, Class<? extends Job> type, LocalTime time,
            ZoneId zone) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
        CronTrigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(key.getName(), key.getGroup()))
                .forJob(key)
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(time.getHour(), time.getMinute())
                        .inTimeZone(TimeZone.getTimeZone(zone))
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

    /** The time a firing stands for: the scheduled time, or now for a misfire fired late. */
    public static Instant firedFor(JobExecutionContext context) {
        return (context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime())
                .toInstant();
    }
}
