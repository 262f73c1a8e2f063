package io.tidecrm.service.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ticket alert run in Quartz (clustered JDBC store: each firing runs on one node), every ten
 * minutes by default ({@code tidecrm.service.alert-cron}, in the business zone); after downtime
 * it fires once at once. The run's record makes a second execution of the same firing a no-op.
 */
@Configuration(proxyBeanMethods = false)
class TicketAlertSchedule {

    static final String GROUP = "service";

    @Bean
    JobDetail ticketAlertJob() {
        return JobBuilder.newJob(TicketAlertJob.class).withIdentity("ticket-alerts", GROUP)
                .withDescription("Reminds before and escalates after the due times of tickets").storeDurably().build();
    }

    @Bean
    Trigger ticketAlertTrigger(JobDetail ticketAlertJob, Clock clock,
            @Value("${tidecrm.service.alert-cron:0 0/10 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger()
                .withIdentity("ticket-alerts", GROUP)
                .forJob(ticketAlertJob)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class TicketAlertJob implements Job {

        private final TicketAlerts alerts;

        TicketAlertJob(TicketAlerts alerts) {
            this.alerts = alerts;
        }

        @Override
        public void execute(JobExecutionContext context) {
            Instant firedFor = (context.getScheduledFireTime() != null ? context.getScheduledFireTime()
                    : context.getFireTime()).toInstant();
            alerts.run(firedFor, false);
        }
    }
}
