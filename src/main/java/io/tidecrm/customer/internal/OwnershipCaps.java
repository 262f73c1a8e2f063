package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.support.RuleChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-type ownership caps (客户数上限). A change that gives an owner a customer of a
 * type first takes a transaction-scoped lock on that owner, then counts: two concurrent
 * requests for one owner are serialised, so they can never both pass at cap − 1. Always a
 * direct call in the transaction of the change, never an event listener: a cap holds only if
 * it is checked under the lock in the transaction that gives the customer.
 */
@Component
class OwnershipCaps {

    /** Namespace of the advisory locks on owners (the first key of pg_advisory_xact_lock(int, int)). */
    private static final int OWNER_LOCK_NAMESPACE = 7301;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OwnershipCaps(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    CustomerRules rules() {
        return jdbc.sql("SELECT cap_a, cap_b, cap_c, count_won, version FROM customer_rules WHERE id = 1")
                .query((rs, n) -> new CustomerRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getLong(5)))
                .single();
    }

    /**
     * Locks the owner for the rest of the transaction and refuses when they already own as
     * many customers of the type as the cap allows. A refusal has written nothing, so it leaves
     * the caller's transaction usable (the import goes on with its next row).
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = RuleViolation.class)
    void requireRoom(long ownerId, CustomerType type) {
        lockOwner(ownerId);
        CustomerRules rules = rules();
        long owned = jdbc.sql("""
                SELECT count(*) FROM customer
                WHERE owner_id = :owner AND type = :type AND (:countWon OR status <> 'WON')
                """)
                .param("owner", ownerId)
                .param("type", type.name())
                .param("countWon", rules.countWon())
                .query(Long.class)
                .single();
        requireRoom(rules, type, owned);
    }

    /** The cap's refusal when an owner who already owns {@code owned} customers of the type may take no more. */
    static void requireRoom(CustomerRules rules, CustomerType type, long owned) {
        int cap = rules.capFor(type);
        if (owned >= cap) {
            throw new RuleViolation("type", "customer.cap.exceeded", type.name(), cap, owned);
        }
    }

    /**
     * Whether a customer of this status counts towards its owner's caps: a won customer only when
     * the rules count won customers.
     */
    static boolean counts(CustomerRules rules, CustomerStatus status) {
        return rules.countWon() || status != CustomerStatus.WON;
    }

    /**
     * Locks the owners for the rest of the transaction, in the order of their ids (so that two
     * imports locking overlapping sets never deadlock), then counts what each owns per type as
     * {@link #requireRoom} counts it: the counts of many owners in two statements, for an import
     * that keeps them up to date as it gives them customers while it holds their locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, EnumMap<CustomerType, Long>> lockAndCount(Collection<Long> ownerIds,
            CustomerRules rules) {
        Long[] owners = ownerIds.stream().distinct().sorted().toArray(Long[]::new);
        Map<Long, EnumMap<CustomerType, Long>> owned = new HashMap<>();
        if (owners.length == 0) {
            return owned;
        }
        // unnest keeps the array's order, so the locks are taken in the order of the ids.
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, CAST(o AS integer)) FROM unnest(:owners) AS o")
                .param("ns", OWNER_LOCK_NAMESPACE)
                .param("owners", owners)
                .query()
                .listOfRows();
        for (Long owner : owners) {
            owned.put(owner, new EnumMap<>(CustomerType.class));
        }
        jdbc.sql("""
                SELECT owner_id, type, count(*) FROM customer
                WHERE owner_id = ANY(:owners) AND (:countWon OR status <> 'WON')
                GROUP BY owner_id, type
                """)
                .param("owners", owners)
                .param("countWon", rules.countWon())
                .query((rs, n) -> owned.get(rs.getLong(1)).put(CustomerType.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        return owned;
    }

    /** A transaction-scoped lock on the owner; taking it twice in one transaction is fine. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockOwner(long ownerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, CAST(:owner AS integer))")
                .param("ns", OWNER_LOCK_NAMESPACE)
                .param("owner", ownerId)
                .query()
                .listOfRows();
    }

    @Transactional
    void update(CustomerRules changed, long byUserId, Instant now) {
        CustomerRules before = rules();
        int updated = jdbc.sql("""
                UPDATE customer_rules SET cap_a = :a, cap_b = :b, cap_c = :c, count_won = :won, version = version + 1
                WHERE id = 1 AND version = :version
                """)
                .param("a", changed.capA())
                .param("b", changed.capB())
                .param("c", changed.capC())
                .param("won", changed.countWon())
                .param("version", changed.version())
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        publishIfChanged("customer.cap.A", before.capA(), changed.capA(), byUserId, now);
        publishIfChanged("customer.cap.B", before.capB(), changed.capB(), byUserId, now);
        publishIfChanged("customer.cap.C", before.capC(), changed.capC(), byUserId, now);
        publishIfChanged("customer.cap.countWon", before.countWon(), changed.countWon(), byUserId, now);
    }

    private void publishIfChanged(String rule, Object before, Object after, long byUserId, Instant now) {
        if (!Objects.equals(before, after)) {
            events.publishEvent(new RuleChanged(rule, String.valueOf(before), String.valueOf(after), byUserId, now));
        }
    }
}
