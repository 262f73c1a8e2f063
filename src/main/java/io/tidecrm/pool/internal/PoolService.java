package io.tidecrm.pool.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerPool;
import io.tidecrm.customer.CustomerPoolHistory;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grab, assign and release. The taker is locked first; the grab-back ban, the daily limit
 * and the cap are then checked in the same transaction as the conditional update, so
 * concurrent grabs can neither take one customer twice nor pass a limit.
 */
@Service
@Transactional
class PoolService {

    private final CustomerPool pool;
    private final CustomerManagement customers;
    private final PoolRulesStore rules;
    private final UserManagement users;
    private final CustomerPoolHistory history;
    private final Clock clock;

    PoolService(CustomerPool pool, CustomerManagement customers, PoolRulesStore rules, UserManagement users,
            CustomerPoolHistory history, Clock clock) {
        this.pool = pool;
        this.customers = customers;
        this.rules = rules;
        this.users = users;
        this.history = history;
        this.clock = clock;
    }

    /** A rep takes a pool customer for themselves. */
    void grab(long customerId, CurrentUser rep) {
        take(customerId, rep.id(), rep.id(), OwnerChangeKind.GRABBED);
    }

    /** A manager (within their teams) or an administrator gives a pool customer to a rep, with the same checks. */
    void assign(long customerId, long repId, CurrentUser by) {
        if (by.role() == Role.REP) {
            throw new AccessDeniedException("Only managers and administrators assign pool customers");
        }
        UserSummary rep = users.findUser(repId).filter(UserSummary::enabled).filter(u -> u.role() != Role.ADMIN)
                .filter(u -> by.role() == Role.ADMIN || users.managedUserIds(by.id()).contains(u.id()))
                .orElseThrow(() -> new RuleViolation("repId", "customer.transfer.invalidTarget"));
        take(customerId, rep.id(), by.id(), OwnerChangeKind.ASSIGNED);
    }

    void release(long customerId, String reason, CurrentUser viewer) {
        pool.release(customerId, viewer, reason, clock.instant());
    }

    private void take(long customerId, long takerId, long byId, OwnerChangeKind kind) {
        PoolRules r = rules.rules();
        Instant now = clock.instant();
        pool.lockOwner(takerId);
        if (r.grabBackEnabled() && r.grabBackDays() > 0) {
            if (history.wasOwnedBySince(customerId, takerId,
                    now.atZone(clock.getZone()).minusDays(r.grabBackDays()).toInstant())) {
                throw new RuleViolation(null, "pool.grab.grabBack", r.grabBackDays());
            }
        }
        if (kind == OwnerChangeKind.GRABBED && r.dailyGrabLimit() != null) {
            Instant startOfDay = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
            if (history.takenFromPoolSince(takerId, OwnerChangeKind.GRABBED, startOfDay) >= r.dailyGrabLimit()) {
                throw new RuleViolation(null, "pool.grab.dailyLimit", r.dailyGrabLimit());
            }
        }
        pool.takeFromPool(customerId, takerId, byId, kind, now);
    }
}
