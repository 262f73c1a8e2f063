package io.tidecrm.service.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.service.TicketAssigned;
import io.tidecrm.service.TicketClosed;
import io.tidecrm.service.TicketResolved;
import io.tidecrm.service.internal.TicketActionForms.AssignForm;
import io.tidecrm.service.internal.TicketActionForms.CloseForm;
import io.tidecrm.service.internal.TicketActionForms.EntryForm;
import io.tidecrm.service.internal.TicketActionForms.ReopenForm;
import io.tidecrm.service.internal.TicketActionForms.ResolveForm;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording tickets and moving them on. The recorder owns a ticket (首问负责) until a manager
 * reassigns it. Every change of state is one conditional update on the state and the version the
 * user saw, so that of two clicks at the same moment exactly one takes effect and the other is
 * told the ticket changed. Every change adds an entry to the append-only timeline. Recording a
 * ticket, a comment or a reply counts as following up the customer, in the same transaction.
 */
@Service
@Transactional
class TicketService {

    private final TicketAccess access;
    private final SlaPolicies policies;
    private final Handover handover;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketService(TicketAccess access, SlaPolicies policies, Handover handover, JdbcClient jdbc,
            CustomerManagement customers, UserManagement users, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.policies = policies;
        this.handover = handover;
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    long create(long customerId, TicketForm form, CurrentUser viewer) {
        CustomerRef customer = customers.findVisible(customerId, viewer);
        checkContact(customerId, form.contactId());
        Instant now = clock.instant();
        SlaPolicies.Due due = policies.dueTimes(form.kind(), form.priority(), customer.type(), now);
        long owner = ownerOfNew(customerId, form.kind(), viewer);
        long id = jdbc.sql("""
                INSERT INTO service_ticket (customer_id, contact_id, kind, channel, category, priority, title, description,
                                            owner_id, created_by_id, created_at, first_response_due, resolution_due,
                                            updated_at)
                VALUES (:customer, :contact, :kind, :channel, :category, :priority, :title, :description,
                        :owner, :me, :now, :firstDue, :resolutionDue, :now)
                RETURNING id
                """)
                .param("customer", customerId)
                .param("contact", form.contactId())
                .param("kind", form.kind().name())
                .param("channel", form.channel().name())
                .param("category", form.category().name())
                .param("priority", form.priority().name())
                .param("title", form.title().strip())
                .param("description", form.description().strip())
                .param("owner", owner)
                .param("me", viewer.id())
                .param("now", Timestamp.from(now))
                .param("firstDue", Timestamp.from(due.firstResponse()))
                .param("resolutionDue", Timestamp.from(due.resolution()))
                .query(Long.class)
                .single();
        entry(id, EntryKind.CREATED, viewer.id(), now, null, owner, null);
        customers.recordActivity(customerId, viewer, now);
        return id;
    }

    /**
     * Who owns a new ticket: the one who records it (首问负责), except that a service request goes to
     * the customer's service contact (handover) while that user is enabled.
     */
    private long ownerOfNew(long customerId, TicketKind kind, CurrentUser viewer) {
        if (kind != TicketKind.REQUEST) {
            return viewer.id();
        }
        return handover.contactOf(customerId)
                .filter(id -> users.findUser(id).map(UserSummary::enabled).orElse(false))
                .orElse(viewer.id());
    }

    /** The description fields, from the version the user saw; kind and priority stay as recorded. */
    void update(long id, TicketForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        requireWorker(ticket, viewer);
        checkContact(ticket.customerId(), form.contactId());
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE service_ticket SET contact_id = :contact, channel = :channel, category = :category,
                                          title = :title, description = :description, updated_at = :now,
                                          version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("contact", form.contactId())
                .param("channel", form.channel().name())
                .param("category", form.category().name())
                .param("title", form.title().strip())
                .param("description", form.description().strip())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("version", versionOf(form.version()))
                .update());
        entry(id, EntryKind.EDITED, viewer.id(), now, null, null, null);
    }

    /** new → in progress: the first response. */
    void start(long id, Long version, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        requireWorker(ticket, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE service_ticket SET status = 'IN_PROGRESS', first_responded_at = coalesce(first_responded_at, :now),
                                          updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'NEW' AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(version))
                .update());
        entry(id, EntryKind.STARTED, viewer.id(), now, null, null, null);
    }

    /** new or in progress → resolved, with the resolution (which is also a response, if none was given). */
    void resolve(long id, ResolveForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        requireWorker(ticket, viewer);
        Instant now = clock.instant();
        String resolution = form.resolution().strip();
        changed(jdbc.sql("""
                UPDATE service_ticket SET status = 'RESOLVED', resolution = :resolution, resolved_at = :now,
                                          first_responded_at = coalesce(first_responded_at, :now),
                                          updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('NEW', 'IN_PROGRESS') AND version = :version
                """)
                .param("resolution", resolution).param("now", Timestamp.from(now)).param("id", id)
                .param("version", versionOf(form.version()))
                .update());
        entry(id, EntryKind.RESOLVED, viewer.id(), now, resolution, null, null);
        Instant firstResponse = ticket.firstRespondedAt() == null ? now : ticket.firstRespondedAt();
        events.publishEvent(new TicketResolved(id, ticket.title(), ticket.customerId(), ticket.kind().name(),
                ticket.ownerId(), teamOf(ticket.ownerId()), viewer.id(), !firstResponse.isAfter(ticket.firstResponseDue()),
                !now.isAfter(ticket.resolutionDue()), now, businessDate(now)));
    }

    /** resolved → closed, with the customer's satisfaction. */
    void close(long id, CloseForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        requireWorker(ticket, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE service_ticket SET status = 'CLOSED', satisfaction = :satisfaction, closed_at = :now,
                                          updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'RESOLVED' AND version = :version
                """)
                .param("satisfaction", form.satisfaction()).param("now", Timestamp.from(now)).param("id", id)
                .param("version", versionOf(form.version()))
                .update());
        entry(id, EntryKind.CLOSED, viewer.id(), now, blankToNull(form.remark()), null, form.satisfaction());
        events.publishEvent(new TicketClosed(id, ticket.title(), ticket.customerId(), ticket.kind().name(),
                ticket.ownerId(), teamOf(ticket.ownerId()), viewer.id(), form.satisfaction(), now, businessDate(now)));
    }

    /** resolved or closed → in progress again; the resolution and satisfaction stay in the timeline. */
    void reopen(long id, ReopenForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        requireWorker(ticket, viewer);
        Instant now = clock.instant();
        changed(jdbc.sql("""
                UPDATE service_ticket SET status = 'IN_PROGRESS', resolution = NULL, resolved_at = NULL,
                                          satisfaction = NULL, closed_at = NULL, updated_at = :now,
                                          version = version + 1
                WHERE id = :id AND status IN ('RESOLVED', 'CLOSED') AND version = :version
                """)
                .param("now", Timestamp.from(now)).param("id", id).param("version", versionOf(form.version()))
                .update());
        entry(id, EntryKind.REOPENED, viewer.id(), now, form.reason().strip(), null, null);
    }

    /** A manager of the owner (or an administrator) gives the ticket to one of the users they may assign to. */
    void assign(long id, AssignForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        if (!access.mayReassign(ticket, viewer)) {
            throw new RuleViolation(null, "ticket.assign.notAllowed");
        }
        if (assignees(viewer).stream().noneMatch(u -> u.id() == form.ownerId())) {
            throw new RuleViolation("ownerId", "ticket.assign.invalidOwner");
        }
        if (form.ownerId() == ticket.ownerId()) {
            throw new RuleViolation("ownerId", "ticket.assign.sameOwner");
        }
        Instant now = clock.instant();
        String reason = form.reason().strip();
        changed(jdbc.sql("""
                UPDATE service_ticket SET owner_id = :owner, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("owner", form.ownerId()).param("now", Timestamp.from(now)).param("id", id)
                .param("version", versionOf(form.version()))
                .update());
        entry(id, EntryKind.REASSIGNED, viewer.id(), now, reason, form.ownerId(), null);
        events.publishEvent(new TicketAssigned(id, ticket.title(), ticket.customerId(), ticket.ownerId(), form.ownerId(),
                teamOf(form.ownerId()), viewer.id(), viewer.displayName(), reason, now, businessDate(now)));
    }

    /**
     * A comment (anyone who sees the ticket) or a reply to the customer (those who work on it; the
     * first reply is the first response and starts a new ticket). Both follow up the customer.
     */
    void addEntry(long id, EntryForm form, CurrentUser viewer) {
        Ticket ticket = access.loadVisible(id, viewer);
        if (form.kind() != EntryKind.COMMENT && form.kind() != EntryKind.REPLY) {
            throw new RuleViolation("kind", "ticket.entry.kind.invalid");
        }
        Instant now = clock.instant();
        if (form.kind() == EntryKind.REPLY) {
            requireWorker(ticket, viewer);
            if (!ticket.status().isOpen()) {
                throw new RuleViolation("kind", "ticket.entry.replyClosed");
            }
            jdbc.sql("""
                    UPDATE service_ticket SET first_responded_at = coalesce(first_responded_at, :now),
                                              status = CASE WHEN status = 'NEW' THEN 'IN_PROGRESS' ELSE status END,
                                              updated_at = :now, version = version + 1
                    WHERE id = :id
                    """)
                    .param("now", Timestamp.from(now)).param("id", id)
                    .update();
        }
        entry(id, form.kind(), viewer.id(), now, form.body().strip(), null, null);
        if (!customers.visibleNames(List.of(ticket.customerId()), viewer).isEmpty()) {
            customers.recordActivity(ticket.customerId(), viewer, now);
        }
    }

    /** Whom the viewer may give a ticket to: a manager their teams' users, an administrator every user but administrators. */
    @Transactional(readOnly = true)
    List<UserSummary> assignees(CurrentUser viewer) {
        return users.ownersVisibleTo(viewer).stream().filter(UserSummary::enabled).toList();
    }

    void entry(long ticketId, EntryKind kind, Long authorId, Instant at, String body, Long ownerId, Integer satisfaction) {
        jdbc.sql("""
                INSERT INTO service_ticket_entry (ticket_id, kind, author_id, at, body, owner_id, satisfaction)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(ticketId, kind.name(), authorId, Timestamp.from(at), body, ownerId, satisfaction)
                .update();
    }

    private void checkContact(long customerId, Long contactId) {
        if (contactId != null && customers.contactsById(customerId, List.of(contactId)).isEmpty()) {
            throw new RuleViolation("contactId", "ticket.contact.invalid");
        }
    }

    private void requireWorker(Ticket ticket, CurrentUser viewer) {
        if (!access.mayWork(ticket, viewer)) {
            throw new RuleViolation(null, "ticket.notYours");
        }
    }

    private static void changed(int updated) {
        if (updated == 0) {
            throw new RuleViolation(null, "ticket.stale");
        }
    }

    private static long versionOf(Long version) {
        return version == null ? -1 : version;
    }

    private Long teamOf(long userId) {
        return users.findUser(userId).map(UserSummary::teamId).orElse(null);
    }

    private LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A user's name on a page: "?" for an id that names nobody any more. */
    static String displayName(Map<Long, UserSummary> names, Long id) {
        if (id == null) {
            return null;
        }
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }
}
