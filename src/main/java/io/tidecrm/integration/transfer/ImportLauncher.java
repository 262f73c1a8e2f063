package io.tidecrm.integration.transfer;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;

/**
 * Starts an import's phase in the background: a one-off Quartz job in the clustered JDBC store,
 * stored in the transaction that queued the phase (so it runs only if that commits), asking for
 * recovery, so that a node that stops mid-way leaves it to another node or to its next start,
 * where {@link ImportRunner} resumes after the last committed row.
 */
@Component
class ImportLauncher {

    static final String GROUP = "integration-import";

    private final Scheduler scheduler;

    ImportLauncher(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void launch(long jobId, String phase) {
        JobKey key = JobKey.jobKey("import-" + jobId + "-" + phase + "-" + System.nanoTime(), GROUP);
        try {
            scheduler.scheduleJob(JobBuilder.newJob(ImportQuartzJob.class).withIdentity(key)
                    .usingJobData("importId", jobId).requestRecovery(true).build(),
                    TriggerBuilder.newTrigger().withIdentity(key.getName(), GROUP).startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue import " + jobId, e);
        }
    }

    @DisallowConcurrentExecution
    static class ImportQuartzJob implements Job {

        private final ImportRunner runner;

        ImportQuartzJob(ImportRunner runner) {
            this.runner = runner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            runner.execute(context.getMergedJobDataMap().getLong("importId"));
        }
    }
}
