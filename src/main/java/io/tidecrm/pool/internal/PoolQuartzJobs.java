package io.tidecrm.pool.internal;


import io.tidecrm.support.DailyJobs;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz entry points. Quartz's clustered JDBC store fires each trigger on one node; the
 * run table's unique key makes a second execution of the same firing a no-op as well.
 */
final class PoolQuartzJobs {

    private PoolQuartzJobs() {
    }

    @DisallowConcurrentExecution
    static class ReclaimJob implements Job {

        private final PoolJobs jobs;

        ReclaimJob(PoolJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.reclaim(DailyJobs.firedFor(context), false);
        }
    }

    @DisallowConcurrentExecution
    static class WarningJob implements Job {

        private final PoolJobs jobs;

        WarningJob(PoolJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.warn(DailyJobs.firedFor(context), false);
        }
    }
}
