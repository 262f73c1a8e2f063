package io.tidecrm.events.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The resubmission sweep in Quartz (clustered JDBC store: each firing runs on one node), every
 * {@code tidecrm.events.resubmit-interval}, starting as soon as a node's scheduler starts: that
 * first firing is the resubmission at start-up. Spring Boot stores the job and replaces its
 * trigger at every start ({@code spring.quartz.overwrite-existing-jobs}).
 *
 * <p>Unlike the pool jobs it keeps no run record: it is a sweep, not a business run, it
 * changes nothing when nothing is due, and what it did shows on the publications themselves
 * (attempts, last resubmission) on the administrators' page.
 */
@Configuration(proxyBeanMethods = false)
class ResubmissionSchedule {

    static final String GROUP = "events";

    @Bean
    JobDetail eventResubmissionJob() {
        return JobBuilder.newJob(ResubmissionJob.class).withIdentity("resubmission", GROUP)
                .withDescription("Resubmits incomplete event publications").storeDurably().build();
    }

    @Bean
    Trigger eventResubmissionTrigger(JobDetail eventResubmissionJob, EventsProperties properties) {
        return TriggerBuilder.newTrigger()
                .withIdentity("resubmission", GROUP)
                .forJob(eventResubmissionJob)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.resubmitInterval().toMillis())
                        .repeatForever()
                        // After downtime one sweep at once, not one per missed interval.
                        .withMisfireHandlingInstructionNowWithRemainingCount())
                .build();
    }

    /** Quartz's entry point; one sweep at a time across the cluster. */
    @DisallowConcurrentExecution
    static class ResubmissionJob implements Job {

        private final Resubmission resubmission;

        ResubmissionJob(Resubmission resubmission) {
            this.resubmission = resubmission;
        }

        @Override
        public void execute(JobExecutionContext context) {
            resubmission.sweep();
        }
    }
}
