package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owner changes made on the customer pages: transfers by a manager within their teams (an
 * administrator anywhere), and the owner history with its event for every change made here.
 * Moves in and out of the pool are {@link PoolOwnershipService}'s.
 */
@Service
@Transactional
class CustomerOwnership {

    private final CustomerDirectory directory;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final OwnershipCaps caps;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerOwnership(CustomerDirectory directory, CustomerRepository customers, JdbcClient jdbc,
            Visibility visibility, OwnershipCaps caps, UserManagement users, ApplicationEventPublisher events,
            Clock clock) {
        this.directory = directory;
        this.customers = customers;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.caps = caps;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A manager moves a customer within their teams; an administrator anywhere. The receiver's
     * cap is checked under their lock, the clock restarts, history is written and the receiver
     * is notified (through the event).
     */
    void transfer(long id, long targetUserId, String reason, CurrentUser user) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Reps cannot transfer customers");
        }
        Customer customer = directory.loadVisible(id, user);
        UserSummary target = users.findUser(targetUserId)
                .filter(UserSummary::enabled)
                .filter(u -> u.role() != Role.ADMIN)
                .filter(u -> visibility.scopeOf(user).includesOwner(u.id()))
                .orElseThrow(() -> new RuleViolation("targetUserId", "customer.transfer.invalidTarget"));
        if (Objects.equals(customer.getOwnerId(), target.id())) {
            throw new RuleViolation("targetUserId", "customer.transfer.sameOwner");
        }
        try {
            caps.requireRoom(target.id(), customer.getType());
        } catch (RuleViolation e) {
            throw e.onField("targetUserId");
        }
        Instant now = clock.instant();
        Long previousOwner = customer.getOwnerId();
        customer.setOwnerId(target.id());
        customer.setClockAt(now);
        customer.setUpdatedAt(now);
        customers.saveAndFlush(customer);
        recordOwnerChange(customer, previousOwner, target.id(), user.id(), OwnerChangeKind.TRANSFERRED,
                reason.strip(), now);
    }

    /** The colleagues the user may give this customer to: as {@link #transferTargets(CurrentUser)}, without its owner. */
    @Transactional(readOnly = true)
    List<UserSummary> transferTargets(CurrentUser user, Long currentOwnerId) {
        return transferTargets(user).stream().filter(u -> !Objects.equals(u.id(), currentOwnerId)).toList();
    }

    /** Users a customer may be transferred to by this user: enabled reps and managers in their scope. */
    @Transactional(readOnly = true)
    List<UserSummary> transferTargets(CurrentUser user) {
        Scope scope = visibility.scopeOf(user);
        return users.findEnabledUsers().stream()
                .filter(u -> u.role() != Role.ADMIN)
                .filter(u -> scope.includesOwner(u.id()))
                .toList();
    }

    /** Writes the owner history and tells the other modules (through the event). */
    void recordOwnerChange(Customer customer, Long previousOwnerId, Long newOwnerId, Long byUserId,
            OwnerChangeKind kind, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO customer_owner_history
                    (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind, reason, changed_at)
                VALUES (:customer, :previous, :next, :by, :kind, :reason, :at)
                """)
                .param("customer", customer.getId())
                .param("previous", previousOwnerId)
                .param("next", newOwnerId)
                .param("by", byUserId)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        events.publishEvent(new CustomerOwnerChanged(customer.getId(), customer.getName(), previousOwnerId,
                newOwnerId, byUserId, kind, reason, at));
        publishObtained(customer, previousOwnerId, newOwnerId, byUserId, kind, at);
    }

    /** A creation or a transfer gives the customer to a user: a fact for the boards, with their team now. */
    private void publishObtained(Customer customer, Long previousOwnerId, Long newOwnerId, Long byUserId,
            OwnerChangeKind kind, Instant at) {
        if (newOwnerId == null) {
            return;
        }
        events.publishEvent(new CustomerObtained(customer.getId(), customer.getName(), customer.getType(), newOwnerId,
                users.findUser(newOwnerId).map(UserSummary::teamId).orElse(null), previousOwnerId, kind, byUserId, at,
                LocalDate.ofInstant(at, clock.getZone())));
    }
}
