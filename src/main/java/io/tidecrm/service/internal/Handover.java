package io.tidecrm.service.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handover (售后交接): when a contract is approved the customer gets a service contact, its
 * owner, unless someone was named on purpose. The approval's fact is handled after it committed,
 * in a transaction of its own and recorded in the event publication registry: a failing handover
 * never rolls back the approval and is retried. New service requests default to the service
 * contact (a complaint stays with whoever records it, 首问负责).
 */
@Service
@Transactional
class Handover {

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    Handover(JdbcClient jdbc, CustomerManagement customers, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContractApproved event) {
        jdbc.sql("""
                INSERT INTO service_contact (customer_id, user_id, named, contract_id, since)
                VALUES (:customer, :owner, false, :contract, :at)
                ON CONFLICT (customer_id) DO UPDATE
                    SET user_id = EXCLUDED.user_id, contract_id = EXCLUDED.contract_id, since = EXCLUDED.since
                    WHERE service_contact.named = false
                """)
                .param("customer", event.customerId())
                .param("owner", event.ownerId())
                .param("contract", event.contractId())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    /** The customer's service contact, if it has one (the caller has checked that the customer is visible). */
    @Transactional(readOnly = true)
    Optional<Long> contactOf(long customerId) {
        return jdbc.sql("SELECT user_id FROM service_contact WHERE customer_id = ?").param(customerId)
                .query(Long.class).optional();
    }

    /** The owner of the customer, their managers and administrators name its service contact. */
    void name(long customerId, Long userId, CurrentUser viewer) {
        CustomerRef customer = customers.findVisible(customerId, viewer);
        if (!mayName(customer, viewer)) {
            throw new RuleViolation(null, "handover.notAllowed");
        }
        if (userId == null || choices().stream().noneMatch(u -> u.id() == userId)) {
            throw new RuleViolation("userId", "handover.invalidUser");
        }
        jdbc.sql("""
                INSERT INTO service_contact (customer_id, user_id, named, named_by_id, since)
                VALUES (:customer, :user, true, :me, :now)
                ON CONFLICT (customer_id) DO UPDATE
                    SET user_id = EXCLUDED.user_id, named = true, contract_id = NULL,
                        named_by_id = EXCLUDED.named_by_id, since = EXCLUDED.since
                """)
                .param("customer", customerId).param("user", userId).param("me", viewer.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean mayName(CustomerRef customer, CurrentUser viewer) {
        return viewer.role() != Role.REP || (customer.ownerId() != null && customer.ownerId() == viewer.id());
    }

    /** Who may be named: the enabled users who are not administrators. */
    @Transactional(readOnly = true)
    List<UserSummary> choices() {
        return users.findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN).toList();
    }
}
