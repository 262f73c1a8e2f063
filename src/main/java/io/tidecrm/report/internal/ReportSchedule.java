package io.tidecrm.report.internal;

import java.time.Clock;
import java.time.LocalTime;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import io.tidecrm.support.DailyJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Schedules the leaderboard rollup daily just after midnight and the evening push (default
 * 21:00) in the business zone (Quartz, clustered, firing once at once after a misfire).
 */
@Component
class ReportSchedule implements ApplicationRunner {

    static final String GROUP = "report";
    static final JobKey ROLLUP = JobKey.jobKey("rollup", GROUP);
    static final JobKey PUSH = JobKey.jobKey("push", GROUP);

    private final Scheduler scheduler;
    private final Clock clock;
    private final LocalTime rollupTime;
    private final LocalTime pushTime;

    ReportSchedule(Scheduler scheduler, Clock clock,
            @Value("${tidecrm.report.rollup-time:00:05}") LocalTime rollupTime,
            @Value("${tidecrm.report.push-time:21:00}") LocalTime pushTime) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.rollupTime = rollupTime;
        this.pushTime = pushTime;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        schedule(ROLLUP, RollupJob.class, rollupTime);
        schedule(PUSH, PushJob.class, pushTime);
    }

    private void schedule(JobKey key, Class<? extends Job> type, LocalTime time) throws SchedulerException {
        DailyJobs.schedule(scheduler, key, type, time, clock.getZone());
    }

    @DisallowConcurrentExecution
    static class PushJob implements Job {

        private final ReportJobs jobs;

        PushJob(ReportJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.push(DailyJobs.firedFor(context), false);
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
            jobs.rollup(DailyJobs.firedFor(context), false);
        }
    }
}
