package io.tidecrm.service.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tickets a viewer may see, decided in SQL: those whose customer is in the viewer's scope
 * (the customer module's condition), and those assigned to the viewer or, for a manager, to a
 * member of their teams (a ticket may be reassigned to a colleague who does not own the
 * customer). Any other id answers 404, the same as one that does not exist. Also who may work
 * on a ticket and who may reassign it.
 */
@Component
@Transactional(readOnly = true)
class TicketAccess {

    /** The customer of each ticket, through the customer module's join; the scope condition uses alias c. */
    static final String CUSTOMERS = CustomerScope.join("c", "t.customer_id");

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;

    TicketAccess(JdbcClient jdbc, CustomerManagement customers, UserManagement users) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
    }

    /** The condition of the viewer's tickets on aliases t (ticket) and c (customer), to add a statement's own to. */
    Where where(CurrentUser viewer) {
        return where(viewer, "t.owner_id");
    }

    /** The same for another record that hangs off a customer and has an owner (a return visit). */
    Where where(CurrentUser viewer, String ownerColumn) {
        CustomerScope scope = customers.scopeCondition("c", viewer);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("workers", workers(viewer));
        return new Where("(" + scope.condition() + " OR " + ownerColumn + " IN (:workers))", params);
    }

    private Set<Long> workers(CurrentUser viewer) {
        return viewer.role() == Role.MANAGER ? users.managedUserIds(viewer.id()) : Set.of(viewer.id());
    }

    /** Loads a ticket the viewer may see, or answers 404. */
    Ticket loadVisible(long id, CurrentUser viewer) {
        Where where = where(viewer).add("t.id = :id", "id", id);
        return jdbc.sql("SELECT " + Ticket.COLUMNS + " FROM service_ticket t " + CUSTOMERS + " WHERE " + where.sql())
                .params(where.params())
                .query((rs, n) -> Ticket.of(rs))
                .optional()
                .orElseThrow(TicketNotFoundException::new);
    }

    /** The owner, the owner's managers and administrators may move a ticket on; others who see it may comment. */
    boolean mayWork(Ticket ticket, CurrentUser viewer) {
        return ticket.ownerId() == viewer.id() || mayReassign(ticket, viewer);
    }

    /** A manager of the owner's team or an administrator. */
    boolean mayReassign(Ticket ticket, CurrentUser viewer) {
        return switch (viewer.role()) {
            case ADMIN -> true;
            case MANAGER -> users.managedUserIds(viewer.id()).contains(ticket.ownerId());
            case REP -> false;
        };
    }
}
