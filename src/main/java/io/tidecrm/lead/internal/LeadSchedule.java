package io.tidecrm.lead.internal;

import java.time.Clock;
import java.util.TimeZone;

import io.tidecrm.support.DailyJobs;
import org.quartz.CronScheduleBuilder;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lead jobs in Quartz (clustered JDBC store: each firing runs on one node): the daily
 * assignment at the settings' run time (default 09:00, in the business zone; kept in step at
 * start-up and after a change of the settings), and the confirmation check every five minutes
 * ({@code tidecrm.lead.check-cron}), which also reminds owners of the summary e-mail due a day after
 * their first contact.
 */
@Configuration(proxyBeanMethods = false)
class LeadSchedule implements ApplicationRunner {

    static final String GROUP = "lead";
    static final JobKey DAILY = JobKey.jobKey("daily-assign", GROUP);

    private final Scheduler scheduler;
    private final LeadRules rules;
    private final Clock clock;

    LeadSchedule(Scheduler scheduler, LeadRules rules, Clock clock) {
        this.scheduler = scheduler;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        apply();
    }

    void apply() throws SchedulerException {
        DailyJobs.schedule(scheduler, DAILY, DailyAssignJob.class, rules.settings().runTime(), clock.getZone());
    }

    @Bean
    static JobDetail leadConfirmationCheckJob() {
        return JobBuilder.newJob(ConfirmationCheckJob.class).withIdentity("confirmation-check", GROUP)
                .withDescription("Marks missed lead confirmations, reassigns the leads, and reminds of the summary e-mails due").storeDurably().build();
    }

    @Bean
    static Trigger leadConfirmationCheckTrigger(JobDetail leadConfirmationCheckJob, Clock clock,
            @Value("${tidecrm.lead.check-cron:0 0/5 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger().withIdentity("confirmation-check", GROUP).forJob(leadConfirmationCheckJob)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class DailyAssignJob implements Job {

        private final LeadJobs jobs;

        DailyAssignJob(LeadJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.runDaily(DailyJobs.firedFor(context), false);
        }
    }

    @DisallowConcurrentExecution
    static class ConfirmationCheckJob implements Job {

        private final LeadJobs jobs;

        ConfirmationCheckJob(LeadJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public void execute(JobExecutionContext context) {
            jobs.checkMisses();
            jobs.remindSummaries();
        }
    }
}
