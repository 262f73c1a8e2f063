package io.tidecrm.pool.internal;

import java.time.Clock;
import java.time.LocalTime;

import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import io.tidecrm.support.DailyJobs;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps the Quartz triggers in the database in step with the pool rules: daily at the
 * reclaim and warning times, in the business zone, firing once at once after a misfire. Runs
 * at start-up and after every change of the rules, so a new time needs no restart.
 */
@Component
class PoolSchedule implements ApplicationRunner {

    static final String GROUP = "pool";
    static final JobKey RECLAIM = JobKey.jobKey("reclaim", GROUP);
    static final JobKey WARNING = JobKey.jobKey("warning", GROUP);

    private final Scheduler scheduler;
    private final PoolRulesStore rules;
    private final Clock clock;

    PoolSchedule(Scheduler scheduler, PoolRulesStore rules, Clock clock) {
        this.scheduler = scheduler;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        apply();
    }

    void apply() throws SchedulerException {
        PoolRules r = rules.rules();
        schedule(RECLAIM, PoolQuartzJobs.ReclaimJob.class, r.reclaimTime());
        schedule(WARNING, PoolQuartzJobs.WarningJob.class, r.warningTime());
    }

    private void schedule(JobKey key, Class<? extends Job> type, LocalTime time) throws SchedulerException {
        DailyJobs.schedule(scheduler, key, type, time, clock.getZone());
    }
}
