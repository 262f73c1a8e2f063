package io.tidecrm.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads of customers and their owner history that the pool module's rules and figures need.
 * The customer module owns those tables, so the pool module asks here instead of naming them
 * in its own SQL. Each method is one set-based statement.
 */
public interface CustomerPoolHistory {

    /** Whether {@code userId} owned the customer and lost or gave it up after {@code since} (the grab-back ban). */
    boolean wasOwnedBySince(long customerId, long userId, Instant since);

    /** How many customers {@code userId} took from the pool in this way since {@code since} (the daily grab limit). */
    long takenFromPoolSince(long userId, OwnerChangeKind kind, Instant since);

    /**
     * Owned customers of a type that are not won and whose follow-up clock lies in
     * [{@code from}, {@code until}): the customers whose pool deadline falls on one day.
     */
    List<OwnedCustomer> ownedWithClockBetween(CustomerType type, Instant from, Instant until);

    /**
     * Per rep over [{@code from}, {@code to}): customers reclaimed from them, grabbed by them, and
     * of those grabs the ones still kept 30 days later (as of {@code now}). Reps without any are
     * present with zeros.
     */
    Map<Long, PoolFlow> poolFlow(Collection<Long> repIds, Instant from, Instant to, Instant now);

    /** A customer with its owner. */
    record OwnedCustomer(long id, String name, long ownerId) {
    }

    /** One rep's pool flow over a period. */
    record PoolFlow(long reclaimedFrom, long grabbed, long keptAfter30Days) {
    }
}
