package io.tidecrm.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.CustomerPool;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.CustomersReclaimed;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ownership moves in and out of the pool. Races are decided by the database: taking is a
 * conditional update on {@code owner_id IS NULL}, the reclaim re-checks owner, status and
 * clock on every row it locks, and both keep the caps under the owner's lock.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class PoolOwnershipService implements CustomerPool {

    private final JdbcClient jdbc;
    private final OwnershipCaps caps;
    private final CustomerDirectory customers;
    private final ApplicationEventPublisher events;
    private final UserManagement users;
    private final Times times;

    PoolOwnershipService(JdbcClient jdbc, OwnershipCaps caps, CustomerDirectory customers,
            ApplicationEventPublisher events, UserManagement users, Times times) {
        this.jdbc = jdbc;
        this.caps = caps;
        this.customers = customers;
        this.events = events;
        this.users = users;
        this.times = times;
    }

    @Override
    public void lockOwner(long userId) {
        caps.lockOwner(userId);
    }

    @Override
    public void takeFromPool(long customerId, long newOwnerId, long byUserId, OwnerChangeKind kind, Instant now) {
        record Pooled(String name, CustomerType type) {
        }
        Pooled pooled = jdbc.sql("SELECT name, type FROM customer WHERE id = :id AND owner_id IS NULL")
                .param("id", customerId)
                .query((rs, n) -> new Pooled(rs.getString(1), CustomerType.valueOf(rs.getString(2))))
                .optional()
                .orElseThrow(() -> new RuleViolation(null, "pool.grab.taken"));
        // In this transaction, under the owner's lock (see OwnershipCaps), not after the commit.
        caps.requireRoom(newOwnerId, pooled.type());
        int taken = jdbc.sql("""
                UPDATE customer SET owner_id = :owner, clock_at = :now, pooled_at = NULL, pool_reason = NULL,
                                    updated_at = :now, version = version + 1
                WHERE id = :id AND owner_id IS NULL
                """)
                .param("owner", newOwnerId)
                .param("now", Timestamp.from(now))
                .param("id", customerId)
                .update();
        if (taken == 0) {
            throw new RuleViolation(null, "pool.grab.taken");
        }
        history(customerId, null, newOwnerId, byUserId, kind, null, now);
        events.publishEvent(new CustomerOwnerChanged(customerId, pooled.name(), null, newOwnerId, byUserId, kind,
                null, now));
        events.publishEvent(new CustomerObtained(customerId, pooled.name(), pooled.type(), newOwnerId,
                users.findUser(newOwnerId).map(UserSummary::teamId).orElse(null), null, kind, byUserId, now,
                times.businessDate(now)));
    }

    @Override
    public void release(long customerId, CurrentUser viewer, String reason, Instant now) {
        Customer customer = customers.loadVisible(customerId, viewer);
        if (customer.getOwnerId() == null) {
            throw new RuleViolation(null, "pool.release.alreadyInPool");
        }
        if (viewer.role() == Role.REP && customer.getOwnerId() != viewer.id()) {
            throw new RuleViolation(null, "pool.release.notOwner");
        }
        if (customer.getStatus().isWon()) {
            throw new RuleViolation(null, "pool.release.won");
        }
        Long previousOwner = customer.getOwnerId();
        int released = jdbc.sql("""
                UPDATE customer SET owner_id = NULL, pooled_at = :now, pool_reason = :reason, next_follow_up_at = NULL,
                                    updated_at = :now, version = version + 1
                WHERE id = :id AND owner_id = :owner AND status <> 'WON'
                """)
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("id", customerId)
                .param("owner", previousOwner)
                .update();
        if (released == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        history(customerId, previousOwner, null, viewer.id(), OwnerChangeKind.RELEASED, reason, now);
        events.publishEvent(new CustomerOwnerChanged(customerId, customer.getName(), previousOwner, null, viewer.id(),
                OwnerChangeKind.RELEASED, reason, now));
    }

    /**
     * One statement per batch: lock the oldest candidates of one type (in the order of the
     * partial index, so a batch reads only what it moves), move them with the conditions
     * re-checked on the locked rows (a follow-up committed meanwhile keeps its customer), and
     * write their owner history, returning the former owners. Publishes nothing: the owners are
     * told once per run ({@link #announceReclaim}).
     */
    @Override
    public Map<Long, Integer> reclaimBatch(CustomerType type, Instant cutoff, Instant runAt, int batchSize) {
        Map<Long, Integer> byOwner = new HashMap<>();
        jdbc.sql("""
                WITH candidate AS (
                    SELECT c.id, c.owner_id FROM customer c
                    WHERE c.type = :type AND c.owner_id IS NOT NULL AND c.status <> 'WON' AND c.clock_at < :cutoff
                    ORDER BY c.clock_at
                    LIMIT :batch
                    FOR UPDATE
                ), moved AS (
                    UPDATE customer c SET owner_id = NULL, pooled_at = :runAt, pool_reason = '#RECLAIMED',
                                          next_follow_up_at = NULL, updated_at = :runAt, version = c.version + 1
                    FROM candidate
                    WHERE c.id = candidate.id AND c.owner_id = candidate.owner_id AND c.status <> 'WON'
                      AND c.type = :type AND c.clock_at < :cutoff
                    RETURNING c.id, candidate.owner_id AS previous_owner_id
                ), history AS (
                    INSERT INTO customer_owner_history (customer_id, previous_owner_id, kind, changed_at)
                    SELECT id, previous_owner_id, 'RECLAIMED', :runAt FROM moved
                )
                SELECT previous_owner_id, count(*) FROM moved GROUP BY previous_owner_id
                """)
                .param("type", type.name())
                .param("cutoff", Timestamp.from(cutoff))
                .param("runAt", Timestamp.from(runAt))
                .param("batch", batchSize)
                .query((rs, n) -> byOwner.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return byOwner;
    }

    /**
     * Counted from the owner history rows stamped with the run, so that a run finished after a
     * crash counts the batches committed before it too.
     */
    @Override
    public Map<Long, Integer> announceReclaim(Instant runAt) {
        Map<Long, Integer> byOwner = new HashMap<>();
        jdbc.sql("""
                SELECT previous_owner_id, count(*) FROM customer_owner_history
                WHERE kind = 'RECLAIMED' AND changed_at = :runAt AND previous_owner_id IS NOT NULL
                GROUP BY previous_owner_id
                """)
                .param("runAt", Timestamp.from(runAt))
                .query((rs, n) -> byOwner.put(rs.getLong(1), rs.getInt(2)))
                .list();
        if (!byOwner.isEmpty()) {
            events.publishEvent(new CustomersReclaimed(Map.copyOf(byOwner), runAt));
        }
        return byOwner;
    }

    private void history(long customerId, Long previous, Long next, Long by, OwnerChangeKind kind, String reason,
            Instant at) {
        jdbc.sql("""
                INSERT INTO customer_owner_history
                    (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind, reason, changed_at)
                VALUES (:customer, :previous, :next, :by, :kind, :reason, :at)
                """)
                .param("customer", customerId)
                .param("previous", previous)
                .param("next", next)
                .param("by", by)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .update();
    }
}
