package io.tidecrm.service.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.service.TicketDueSoon;
import io.tidecrm.service.TicketEscalated;
import io.tidecrm.service.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder and escalation run, as of its scheduled time: a reminder to the owner of each open
 * ticket whose due time (first response, then resolution) is within the reminder lead counted in
 * working time (one working hour before a Monday 10:00 due time is Friday 18:00), and an
 * escalation to the owner's managers of each one whose due time passed unmet. Set-based: each
 * batch is one statement that records the alerts not yet sent (the primary key of
 * {@code service_ticket_alert} makes each one at most once), writes their timeline entries and
 * returns them, in its own transaction with the facts the inbox listens to. A run is recorded
 * once per scheduled time; a run that finished is not repeated, so a rerun changes nothing.
 */
@Component
class TicketAlerts {

    static final String JOB = "TICKET_ALERTS";
    static final int BATCH_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(TicketAlerts.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lead;
    private final ServiceJobRuns runs;
    private final WorkingCalendar calendar;

    TicketAlerts(JdbcClient jdbc, TransactionTemplate tx, UserManagement users, ApplicationEventPublisher events,
            Clock clock, @Value("${tidecrm.service.reminder-lead:1h}") Duration lead, ServiceJobRuns runs,
            WorkingCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lead = lead;
        this.runs = runs;
    }

    record Outcome(String status, int alerts, int batches) {
    }

    private record Alert(long ticketId, String target, String kind, Instant dueAt, long ownerId, String title,
            String customerName) {
    }

    /** The run standing for {@code asOf} (its scheduled time; now for a run by hand). */
    Outcome run(Instant asOf, boolean manual) {
        Long runId = runs.start(JOB, asOf, manual);
        if (runId == null) {
            return new Outcome("ALREADY_DONE", 0, 0);
        }
        int alerts = 0;
        int batches = 0;
        try {
            while (true) {
                int sent = tx.execute(s -> batch(asOf));
                batches++;
                alerts += sent;
                if (sent < BATCH_SIZE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            finish(runId, new Outcome("FAILED", alerts, batches), e.toString());
            throw e;
        }
        if (alerts > 0) {
            log.info("Ticket alerts as of {}: {} in {} batches", asOf, alerts, batches);
        }
        return finish(runId, new Outcome("DONE", alerts, batches), null);
    }

    /** One batch: records up to BATCH_SIZE alerts not sent yet, with their timeline entries, and publishes them. */
    private int batch(Instant asOf) {
        Instant now = clock.instant();
        List<Alert> alerts = jdbc.sql("""
                WITH due AS (
                    SELECT t.id AS ticket_id, 'FIRST_RESPONSE' AS target, t.first_response_due AS due_at, t.owner_id
                    FROM service_ticket t
                    WHERE t.status IN ('NEW', 'IN_PROGRESS') AND t.first_responded_at IS NULL
                      AND t.first_response_due < :remindBefore
                    UNION ALL
                    SELECT t.id, 'RESOLUTION', t.resolution_due, t.owner_id
                    FROM service_ticket t
                    WHERE t.status IN ('NEW', 'IN_PROGRESS') AND t.resolution_due < :remindBefore
                ), candidates AS (
                    SELECT d.ticket_id, d.target, CASE WHEN d.due_at <= :asOf THEN 'ESCALATION' ELSE 'REMINDER' END AS kind,
                           d.due_at, d.owner_id
                    FROM due d
                    WHERE NOT EXISTS (SELECT 1 FROM service_ticket_alert a
                                      WHERE a.ticket_id = d.ticket_id AND a.target = d.target AND a.due_at = d.due_at
                                        AND a.kind = CASE WHEN d.due_at <= :asOf THEN 'ESCALATION' ELSE 'REMINDER' END)
                    ORDER BY d.due_at, d.ticket_id
                    LIMIT :batch
                ), inserted AS (
                    INSERT INTO service_ticket_alert (ticket_id, target, kind, due_at, owner_id, sent_at)
                    SELECT ticket_id, target, kind, due_at, owner_id, :now FROM candidates
                    ON CONFLICT DO NOTHING
                    RETURNING ticket_id, target, kind, due_at, owner_id
                ), entries AS (
                    INSERT INTO service_ticket_entry (ticket_id, kind, at, owner_id)
                    SELECT ticket_id, CASE kind WHEN 'REMINDER' THEN 'REMINDED' ELSE 'ESCALATED' END, :now, owner_id
                    FROM inserted
                )
                SELECT i.ticket_id, i.target, i.kind, i.due_at, i.owner_id, t.title, c.name AS customer_name
                FROM inserted i JOIN service_ticket t ON t.id = i.ticket_id %s
                ORDER BY i.due_at, i.ticket_id
                """.formatted(CustomerScope.join("c", "t.customer_id")))
                .param("remindBefore", Timestamp.from(remindBefore(asOf)))
                .param("asOf", Timestamp.from(asOf))
                .param("now", Timestamp.from(now))
                .param("batch", BATCH_SIZE)
                .query((rs, n) -> new Alert(rs.getLong("ticket_id"), rs.getString("target"), rs.getString("kind"),
                        rs.getTimestamp("due_at").toInstant(), rs.getLong("owner_id"), rs.getString("title"),
                        rs.getString("customer_name")))
                .list();
        Set<Long> ownerIds = new HashSet<>();
        alerts.forEach(a -> ownerIds.add(a.ownerId()));
        Map<Long, UserSummary> owners = users.findUsers(ownerIds);
        Map<Long, Set<Long>> managers = new HashMap<>();
        for (Alert a : alerts) {
            if (a.kind().equals("REMINDER")) {
                events.publishEvent(new TicketDueSoon(a.ticketId(), a.title(), a.customerName(), a.ownerId(), a.target(),
                        a.dueAt(), now));
            } else {
                events.publishEvent(new TicketEscalated(a.ticketId(), a.title(), a.customerName(), a.ownerId(),
                        TicketService.displayName(owners, a.ownerId()),
                        managers.computeIfAbsent(a.ownerId(), this::escalateTo), a.target(), a.dueAt(), now));
            }
        }
        return alerts.size();
    }

    /**
     * Due times before this moment are within the reminder lead of {@code asOf} in working time:
     * the lead added in working time, and the time off that follows it (a due time in the night
     * after is no more working time away), but no later working moment. One microsecond more than
     * the lead, the database's precision, and compared with "before".
     */
    Instant remindBefore(Instant asOf) {
        return calendar.addWorkingTime(asOf, lead.plusNanos(1000));
    }

    /** The owner's managers, or the administrators when the owner has none; never the owner. */
    private Set<Long> escalateTo(long ownerId) {
        Set<Long> to = new HashSet<>(users.managersOf(ownerId));
        to.remove(ownerId);
        if (to.isEmpty()) {
            to.addAll(users.enabledAdminIds());
            to.remove(ownerId);
        }
        return Set.copyOf(to);
    }

    private Outcome finish(long runId, Outcome outcome, String message) {
        runs.finish(runId, outcome.status(), outcome.alerts(), outcome.batches(), message);
        return outcome;
    }
}
