package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.fieldwork.ReportReminderDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders before the report deadlines. A firing stands for its scheduled time: its day (in
 * the business zone) names the period, and the part's deadline on that day is the one reminded
 * of. The run is recorded once per (part, scheduled time); a second execution of the same firing
 * does nothing, and each rep is reminded of a part and period at most once whatever runs (a
 * conditional insert decides, so two nodes or a manual rerun never remind twice). Only the users
 * who must submit (the rules) and have not submitted any version yet are reminded; a firing
 * executed after the deadline has passed reminds nobody (too late to help).
 */
@Component
class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    /** What a firing did: DONE (with how many were reminded), NOT_DUE, TOO_LATE or ALREADY_DONE. */
    record Outcome(String status, int reminded) {
    }

    private final ReportRules rules;
    private final Reports reports;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportReminders(ReportRules rules, Reports reports, JdbcClient jdbc, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.reports = reports;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    Outcome remind(ReportKind kind, Instant firedFor) {
        return tx.execute(s -> {
            Long run = jdbc.sql("""
                    INSERT INTO fieldwork_job_run (job, scheduled_at, started_at, status)
                    VALUES (:job, :scheduled, :now, 'RUNNING')
                    ON CONFLICT (job, scheduled_at) DO NOTHING RETURNING id
                    """)
                    .param("job", kind.name())
                    .param("scheduled", Timestamp.from(firedFor))
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).optional().orElse(null);
            if (run == null) {
                return new Outcome("ALREADY_DONE", 0);
            }
            Outcome outcome = send(kind, firedFor);
            jdbc.sql("UPDATE fieldwork_job_run SET finished_at = ?, status = ?, affected = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), outcome.status(), outcome.reminded(), run).update();
            return outcome;
        });
    }

    private Outcome send(ReportKind kind, Instant firedFor) {
        LocalDate day = LocalDate.ofInstant(firedFor, clock.getZone());
        if (kind.weekly() && day.getDayOfWeek() != DayOfWeek.MONDAY) {
            return new Outcome("NOT_DUE", 0);
        }
        ReportSettings settings = rules.settings();
        if (!rules.dueOn(settings, kind, day)) {
            return new Outcome("NOT_DUE", 0);
        }
        Instant deadline = reports.deadline(kind, day);
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            return new Outcome("TOO_LATE", 0);
        }
        List<Long> submitters = rules.submitterIds(settings);
        if (submitters.isEmpty()) {
            return new Outcome("DONE", 0);
        }
        List<Long> reminded = jdbc.sql("""
                INSERT INTO fieldwork_reminder (user_id, kind, period_start, sent_at)
                SELECT u, :kind, :period, :now FROM unnest(CAST(:users AS bigint[])) AS u
                WHERE NOT EXISTS (SELECT 1 FROM work_report r
                                  WHERE r.author_id = u AND r.kind = :kind AND r.period_start = :period)
                ON CONFLICT DO NOTHING
                RETURNING user_id
                """)
                .param("kind", kind.name())
                .param("period", day)
                .param("now", Timestamp.from(now))
                .param("users", submitters.toArray(Long[]::new))
                .query(Long.class).list();
        if (!reminded.isEmpty()) {
            String link = kind.weekly() ? "/reports/week?day=" + day : "/reports?day=" + day;
            events.publishEvent(new ReportReminderDue(kind.name(), day, deadline, reminded, link, now));
        }
        log.info("Report reminder {} for {}: {} reminded", kind, day, reminded.size());
        return new Outcome("DONE", reminded.size());
    }
}
