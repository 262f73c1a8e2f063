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

    /**
     * One page of the customers in the public pool, newest first, by type and a part of the name,
     * each with who owned it last (every user may read the pool).
     *
     * @param type the type to show, or null for all
     * @param nameQuery a part of the name, or null
     * @param cursor the page position ({@link io.tidecrm.support.KeysetPage#next()}), or null for the first page
     */
    io.tidecrm.support.KeysetPage<PooledCustomer> pooled(CustomerType type, String nameQuery, String cursor,
            int pageSize);

    /** A customer in the public pool, with why and when it got there and who had it last (null if nobody). */
    record PooledCustomer(long id, String name, CustomerType type, String industry, String region, Instant pooledAt,
            String reason, Long lastOwnerId) {
    }

    /** A customer with its owner. */
    record OwnedCustomer(long id, String name, long ownerId) {
    }

    /** One rep's pool flow over a period. */
    record PoolFlow(long reclaimedFrom, long grabbed, long keptAfter30Days) {
    }
}
