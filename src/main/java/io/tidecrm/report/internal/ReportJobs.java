package io.tidecrm.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report module's scheduled work, recorded in {@code report_job_run} once per job and
 * scheduled time: a firing that already finished is not repeated (Quartz's cluster fires each
 * trigger on one node; the unique key covers a second firing all the same).
 */
@Component
class ReportJobs {

    static final String ROLLUP = "ROLLUP";
    static final String PUSH = "PUSH";

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final BoardRollup rollup;
    private final DailyPush push;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportJobs(BoardRollup rollup, DailyPush push, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.rollup = rollup;
        this.push = push;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Pushes the day's boards (the day of the firing, as of the firing) to every team, once per
     * scheduled time: the facts are published in the transaction that records the run as done,
     * so a rerun of the same firing finds it done and pushes nothing twice.
     */
    Outcome push(Instant firedAt, boolean manual) {
        Instant stamp = manual ? clock.instant() : firedAt;
        Optional<Long> run = start(PUSH, stamp, manual);
        if (run.isEmpty()) {
            return new Outcome("SKIPPED", 0);
        }
        try {
            LocalDate day = ZonedDateTime.ofInstant(firedAt, clock.getZone()).toLocalDate();
            Integer teams = tx.execute(s -> {
                int n = push.publish(day, stamp);
                finishInTransaction(run.get(), new Outcome("DONE", n), null);
                return n;
            });
            return new Outcome("DONE", teams == null ? 0 : teams);
        } catch (RuntimeException e) {
            log.error("Leaderboard push failed", e);
            finish(run.get(), new Outcome("FAILED", 0), String.valueOf(e.getMessage()));
            return new Outcome("FAILED", 0);
        }
    }

    record Outcome(String status, int affected) {
    }

    /**
     * Rolls up every day that ended before the firing and is not rolled up yet (normally just
     * yesterday; after a stop, the days missed; on a new installation, the whole ledger), as of
     * the scheduled time. Run by hand, it rewrites yesterday as well, which changes nothing
     * unless the rollup was wrong.
     */
    Outcome rollup(Instant firedAt, boolean manual) {
        Instant stamp = manual ? clock.instant() : firedAt;
        Optional<Long> run = start(ROLLUP, stamp, manual);
        if (run.isEmpty()) {
            return new Outcome("SKIPPED", 0);
        }
        try {
            LocalDate yesterday = ZonedDateTime.ofInstant(firedAt, clock.getZone()).toLocalDate().minusDays(1);
            LocalDate rolled = rollup.rolledThrough();
            LocalDate from = rolled != null ? rolled.plusDays(1) : Optional.ofNullable(rollup.firstFactDay())
                    .filter(d -> d.isBefore(yesterday)).orElse(yesterday);
            if (manual && rolled != null && !from.isBefore(yesterday)) {
                from = yesterday;
            }
            int rows = from.isAfter(yesterday) ? 0 : rollup.roll(from, yesterday, null);
            Outcome done = new Outcome("DONE", rows);
            finish(run.get(), done, null);
            return done;
        } catch (RuntimeException e) {
            log.error("Leaderboard rollup failed", e);
            finish(run.get(), new Outcome("FAILED", 0), String.valueOf(e.getMessage()));
            return new Outcome("FAILED", 0);
        }
    }

    /** Records the start of a run; empty when this job and time already ran to the end. */
    private Optional<Long> start(String job, Instant scheduledAt, boolean manual) {
        return tx.execute(s -> jdbc.sql("""
                INSERT INTO report_job_run (job, scheduled_at, started_at, status, manual)
                VALUES (:job, :at, :now, 'RUNNING', :manual)
                ON CONFLICT (job, scheduled_at) DO UPDATE
                    SET started_at = excluded.started_at, status = 'RUNNING', message = NULL
                    WHERE report_job_run.status = 'FAILED'
                RETURNING id
                """).param("job", job).param("at", Timestamp.from(scheduledAt))
                .param("now", Timestamp.from(clock.instant())).param("manual", manual)
                .query(Long.class).optional());
    }

    private void finish(long runId, Outcome outcome, String message) {
        tx.executeWithoutResult(s -> finishInTransaction(runId, outcome, message));
    }

    private void finishInTransaction(long runId, Outcome outcome, String message) {
        jdbc.sql("""
                UPDATE report_job_run SET finished_at = :now, status = :status, affected = :affected, message = :message
                WHERE id = :id
                """).param("now", Timestamp.from(clock.instant())).param("status", outcome.status())
                .param("affected", outcome.affected())
                .param("message", message == null ? null : message.substring(0, Math.min(1000, message.length())))
                .param("id", runId).update();
    }
}
