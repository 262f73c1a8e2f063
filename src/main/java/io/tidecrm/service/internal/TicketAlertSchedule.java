package io.tidecrm.service.internal;

import java.time.Clock;
import java.util.TimeZone;

import io.tidecrm.support.DailyJobs;
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
 * The service jobs in Quartz (clustered JDBC store: each firing runs on one node): the ticket alert
 * run, every ten minutes by default ({@code tidecrm.service.alert-cron}, in the business zone), and
 * the monthly return visits, daily; after downtime each fires once at once. The run's record makes a second execution of the same firing a no-op.
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

    @Bean
    JobDetail monthlyReturnVisitJob() {
        return JobBuilder.newJob(MonthlyReturnVisitJob.class).withIdentity("monthly-return-visits", GROUP)
                .withDescription("Schedules the monthly return visit of every A customer in service").storeDurably()
                .build();
    }

    /** Daily (by default at 06:00 in the business zone): the month's visit of a customer new to A or to service. */
    @Bean
    Trigger monthlyReturnVisitTrigger(JobDetail monthlyReturnVisitJob, Clock clock,
            @Value("${tidecrm.service.monthly-visit-cron:0 0 6 * * ?}") String cron) {
        return TriggerBuilder.newTrigger()
                .withIdentity("monthly-return-visits", GROUP)
                .forJob(monthlyReturnVisitJob)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class MonthlyReturnVisitJob implements Job {

        private final MonthlyReturnVisits visits;

        MonthlyReturnVisitJob(MonthlyReturnVisits visits) {
            this.visits = visits;
        }

        @Override
        public void execute(JobExecutionContext context) {
            visits.run(DailyJobs.firedFor(context), false);
        }
    }

    @DisallowConcurrentExecution
    static class TicketAlertJob implements Job {

        private final TicketAlerts alerts;

        TicketAlertJob(TicketAlerts alerts) {
            this.alerts = alerts;
        }

        @Override
        public void execute(JobExecutionContext context) {
            alerts.run(DailyJobs.firedFor(context), false);
        }
    }
}
