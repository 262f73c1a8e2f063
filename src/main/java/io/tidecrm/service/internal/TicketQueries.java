package io.tidecrm.service.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of tickets — the lists (mine, all I see, overdue), a customer's tickets and the ticket
 * page — each one statement joined to {@code customer} and kept inside the viewer's scope in SQL
 * ({@link TicketAccess}). Every value is a bind parameter.
 */
@Component
@Transactional(readOnly = true)
class TicketQueries {

    static final int PAGE_SIZE = 20;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("t.id");

    /** Open and past a due time that is still to be met. */
    static final String OVERDUE = """
            (t.status IN ('NEW', 'IN_PROGRESS') AND (t.resolution_due < :now
             OR (t.first_responded_at IS NULL AND t.first_response_due < :now)))""";

    private final TicketAccess access;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    TicketQueries(TicketAccess access, JdbcClient jdbc, CustomerManagement customers, UserManagement users,
            Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    KeysetPage<TicketRow> list(TicketListQuery query, CurrentUser viewer) {
        Where where = access.where(viewer);
        switch (query.viewOrDefault()) {
            case MINE -> where.add("t.owner_id = :me", "me", viewer.id());
            case OVERDUE -> where.add(OVERDUE);
            case ALL -> {
            }
        }
        where.addIf("t.status = :status", "status", query.status() == null ? null : query.status().name())
                .addIf("t.kind = :kind", "kind", query.kind() == null ? null : query.kind().name())
                .addIf("t.owner_id = :owner", "owner", query.owner())
                .addIf("strpos(lower(t.title), lower(:q)) > 0", "q", query.q())
                .after(NEWEST_FIRST, query.cursor());
        return KeysetPage.of(rows(where, PAGE_SIZE + 1), PAGE_SIZE, TicketRow::id);
    }

    /** The customer's tickets for its page, newest first. */
    List<TicketRow> ofCustomer(long customerId, CurrentUser viewer, int limit) {
        return rows(access.where(viewer).add("t.customer_id = :customer", "customer", customerId), limit);
    }

    /** Owners a manager (their team) or an administrator (everyone but administrators) may filter by; null for a rep. */
    List<Choice> ownerChoices(CurrentUser viewer) {
        return viewer.role() == Role.REP ? null
                : Choice.of(users.ownersVisibleTo(viewer), UserSummary::id, UserSummary::displayName);
    }

    TicketDetails details(long id, CurrentUser viewer) {
        Ticket t = access.loadVisible(id, viewer);
        record E(TicketDetails.Entry entry, Long authorId, Long ownerId) {
        }
        List<E> entries = jdbc.sql("""
                SELECT id, kind, author_id, at, body, owner_id, satisfaction FROM service_ticket_entry
                WHERE ticket_id = ? ORDER BY id
                """)
                .param(id)
                .query((rs, n) -> new E(new TicketDetails.Entry(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                        null, rs.getTimestamp("at").toInstant(), rs.getString("body"), null,
                        rs.getObject("satisfaction", Integer.class)), (Long) rs.getObject("author_id"),
                        (Long) rs.getObject("owner_id")))
                .list();
        Set<Long> ids = new HashSet<>(List.of(t.ownerId(), t.createdById()));
        entries.forEach(e -> {
            ids.add(e.authorId());
            ids.add(e.ownerId());
        });
        ids.remove(null);
        Map<Long, UserSummary> names = users.findUsers(ids);
        String customerName = customerName(t.customerId());
        String contactName = null;
        if (t.contactId() != null) {
            ContactRef contact = customers.contactsById(t.customerId(), List.of(t.contactId())).get(t.contactId());
            contactName = contact == null ? null : contact.name();
        }
        Instant now = clock.instant();
        return new TicketDetails(t, customerName, contactName, TicketService.displayName(names, t.ownerId()),
                TicketService.displayName(names, t.createdById()), t.firstResponseLate(now), t.resolutionLate(now),
                access.mayWork(t, viewer), access.mayReassign(t, viewer),
                !customers.visibleNames(List.of(t.customerId()), viewer).isEmpty(),
                entries.stream().map(e -> new TicketDetails.Entry(e.entry().id(), e.entry().kind(),
                        e.authorId() == null ? null : TicketService.displayName(names, e.authorId()), e.entry().at(),
                        e.entry().body(), TicketService.displayName(names, e.ownerId()), e.entry().satisfaction()))
                        .toList());
    }

    /** The customer's name through the join the ticket scope allows (an assignee may not see the customer itself). */
    String customerName(long customerId) {
        return jdbc.sql("SELECT c.name FROM service_ticket t " + TicketAccess.CUSTOMERS
                        + " WHERE t.customer_id = :customer LIMIT 1")
                .param("customer", customerId)
                .query(String.class)
                .optional()
                .orElse("?");
    }

    private List<TicketRow> rows(Where where, int limit) {
        List<TicketRow> rows = jdbc.sql("""
                SELECT t.id, t.title, t.customer_id, c.name AS customer_name, t.kind, t.priority, t.category, t.status,
                       t.owner_id, t.created_at, t.first_response_due, t.resolution_due, t.first_responded_at,
                       t.resolved_at, %s AS overdue
                FROM service_ticket t %s
                WHERE %s ORDER BY %s LIMIT %d
                """.formatted(OVERDUE, TicketAccess.CUSTOMERS, where.sql(), NEWEST_FIRST.orderBy(), limit))
                .params(where.params())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> row(rs))
                .list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(TicketRow::ownerId).filter(Objects::nonNull)
                .distinct().toList());
        return rows.stream().map(r -> r.withOwnerName(TicketService.displayName(names, r.ownerId()))).toList();
    }

    private static TicketRow row(ResultSet rs) throws SQLException {
        return new TicketRow(rs.getLong("id"), rs.getString("title"), rs.getLong("customer_id"),
                rs.getString("customer_name"), TicketKind.valueOf(rs.getString("kind")),
                TicketPriority.valueOf(rs.getString("priority")), TicketCategory.valueOf(rs.getString("category")),
                TicketStatus.valueOf(rs.getString("status")), rs.getLong("owner_id"), null,
                Ticket.instant(rs, "created_at"), Ticket.instant(rs, "first_response_due"),
                Ticket.instant(rs, "resolution_due"), Ticket.instant(rs, "first_responded_at"),
                Ticket.instant(rs, "resolved_at"), rs.getBoolean("overdue"));
    }
}
