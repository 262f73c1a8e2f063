package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadConfirmationMissed;
import io.tidecrm.lead.LeadSummaryDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lead jobs. The daily assignment run stands for the latest run time at or before its firing
 * and is recorded once per scheduled time (a second execution of the same firing, or a rerun, is
 * a no-op); it assigns every unassigned lead by the rules in set-based passes of a bounded batch.
 * The confirmation check marks every assigned lead past its due time as missed (once: a
 * conditional update), tells the owner's managers and, when the settings say so, puts the lead
 * back and reassigns it by the rules to someone other than the rep who missed it.
 */
@Component
class LeadJobs {

    static final String DAILY = "DAILY_ASSIGN";
    private static final Logger log = LoggerFactory.getLogger(LeadJobs.class);

    private final LeadRules rules;
    private final LeadAssignment assignment;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadJobs(LeadRules rules, LeadAssignment assignment, UserManagement users, JdbcClient jdbc, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.assignment = assignment;
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    record Outcome(String status, int assigned) {
    }

    /** The daily run standing for the latest run time at or before {@code firedAt} (or now, by hand). */
    Outcome runDaily(Instant firedAt, boolean manual) {
        Instant stamp = manual ? clock.instant() : latestRunAtOrBefore(firedAt);
        Long runId = tx.execute(s -> jdbc.sql("""
                INSERT INTO lead_job_run (job, scheduled_at, started_at, status, manual)
                VALUES (:job, :scheduled, :now, 'RUNNING', :manual)
                ON CONFLICT (job, scheduled_at) DO UPDATE SET started_at = EXCLUDED.started_at, status = 'RUNNING'
                    WHERE lead_job_run.status <> 'DONE'
                RETURNING id
                """)
                .param("job", DAILY).param("scheduled", Timestamp.from(stamp))
                .param("now", Timestamp.from(clock.instant())).param("manual", manual)
                .query(Long.class).optional().orElse(null));
        if (runId == null) {
            return new Outcome("ALREADY_DONE", 0);
        }
        int total = 0;
        try {
            while (true) {
                List<LeadAssignment.Assigned> pass = tx.execute(s -> assignment.assign(null, false, Map.of()));
                total += pass.size();
                if (pass.size() < LeadAssignment.BATCH / 2 || pass.isEmpty()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            finish(runId, "FAILED", total);
            throw e;
        }
        log.info("Lead assignment as of {}: {} leads assigned", stamp, total);
        finish(runId, "DONE", total);
        return new Outcome("DONE", total);
    }

    private void finish(long runId, String status, int affected) {
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE lead_job_run SET finished_at = ?, status = ?, affected = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), status, affected, runId).update());
    }

    Instant latestRunAtOrBefore(Instant at) {
        ZonedDateTime local = at.atZone(clock.getZone());
        ZonedDateTime run = local.toLocalDate().atTime(rules.settings().runTime()).atZone(clock.getZone());
        return (run.isAfter(local) ? run.minusDays(1) : run).toInstant();
    }

    /** Marks the missed confirmations as of now; returns how many were missed. */
    int checkMisses() {
        return tx.execute(s -> {
            Instant now = clock.instant();
            record Missed(long id, long ownerId, String company, Instant due) {
            }
            List<Missed> missed = jdbc.sql("""
                    UPDATE sales_lead SET missed_at = :now, updated_at = :now
                    WHERE status = 'ASSIGNED' AND missed_at IS NULL AND confirm_due < :now
                    RETURNING id, owner_id, company_name, confirm_due
                    """)
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Missed(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                    .list();
            if (missed.isEmpty()) {
                return 0;
            }
            jdbc.sql("""
                    INSERT INTO lead_event (lead_id, kind, owner_id, at)
                    SELECT t.id, 'MISSED', t.owner, :now FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[])) AS t(id, owner)
                    """)
                    .param("ids", missed.stream().map(Missed::id).toArray(Long[]::new))
                    .param("owners", missed.stream().map(Missed::ownerId).toArray(Long[]::new))
                    .param("now", Timestamp.from(now))
                    .update();
            boolean reassign = rules.settings().reassigns();
            Map<Long, Long> newOwners = new HashMap<>();
            if (reassign) {
                Map<Long, Long> excluded = new HashMap<>();
                missed.forEach(m -> excluded.put(m.id(), m.ownerId()));
                jdbc.sql("""
                        UPDATE sales_lead SET status = 'NEW', owner_id = NULL, returned_at = :now, confirm_due = NULL,
                               updated_at = :now, version = version + 1
                        WHERE id IN (:ids) AND status = 'ASSIGNED'
                        """)
                        .param("ids", excluded.keySet()).param("now", Timestamp.from(now)).update();
                assignment.assign(excluded.keySet(), false, excluded)
                        .forEach(a -> newOwners.put(a.leadId(), a.ownerId()));
            }
            Map<Long, UserSummary> names = users.findUsers(missed.stream().map(Missed::ownerId).distinct().toList());
            for (Missed m : missed) {
                Set<Long> managers = users.managersOf(m.ownerId());
                events.publishEvent(new LeadConfirmationMissed(m.id(), m.company(), m.ownerId(),
                        names.containsKey(m.ownerId()) ? names.get(m.ownerId()).displayName() : "?",
                        managers.isEmpty() ? users.enabledAdminIds() : managers, m.due(), reassign,
                        newOwners.get(m.id()), now));
            }
            return missed.size();
        });
    }

    /** How long after the first contact the summary e-mail is due. */
    static final Duration SUMMARY_AFTER = Duration.ofHours(24);
    /** A first contact older than this gets no reminder any more (after a long stop of the jobs, say). */
    static final Duration SUMMARY_STALE = Duration.ofDays(7);

    /**
     * Reminds each owner, once per lead, to send the summary e-mail 24 hours after their first
     * contact with a lead that is still being worked (not invalid, closed or converted); the
     * reminder is a lead event, so a rerun finds it and sends nothing twice. Returns how many.
     */
    int remindSummaries() {
        return tx.execute(s -> {
            Instant now = clock.instant();
            List<LeadSummaryDue> due = jdbc.sql("""
                    WITH due AS (
                        SELECT l.id, l.owner_id, l.company_name, l.first_contact_at
                        FROM sales_lead l
                        WHERE l.first_contact_at <= :dueBefore AND l.first_contact_at > :staleBefore
                          AND l.owner_id IS NOT NULL AND l.status IN ('ASSIGNED', 'CONTACTABLE', 'NURTURING')
                          AND NOT EXISTS (SELECT 1 FROM lead_event e WHERE e.lead_id = l.id AND e.kind = 'SUMMARY_DUE')
                    ), reminded AS (
                        INSERT INTO lead_event (lead_id, kind, owner_id, at)
                        SELECT id, 'SUMMARY_DUE', owner_id, :now FROM due
                    )
                    SELECT id, owner_id, company_name, first_contact_at FROM due
                    """)
                    .param("now", Timestamp.from(now))
                    .param("dueBefore", Timestamp.from(now.minus(SUMMARY_AFTER)))
                    .param("staleBefore", Timestamp.from(now.minus(SUMMARY_STALE)))
                    .query((rs, n) -> new LeadSummaryDue(rs.getLong(1), rs.getString(3), rs.getLong(2),
                            rs.getTimestamp(4).toInstant(), now))
                    .list();
            due.forEach(events::publishEvent);
            return due.size();
        });
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
