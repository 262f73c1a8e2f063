package io.tidecrm.customer;

import java.time.Instant;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;

/**
 * The ownership moves of the public pool, for the pool module. Each runs in the caller's
 * transaction, keeps the caps, writes owner history and publishes {@link CustomerOwnerChanged}
 * (and {@link CustomerObtained} for a grab or an assignment); the nightly reclaim publishes one
 * {@link CustomersReclaimed} per run ({@link #announceReclaim}).
 */
public interface CustomerPool {

    /** Serialises every change that gives this user customers, until the transaction ends. */
    void lockOwner(long userId);

    /**
     * Gives a pool customer to {@code newOwnerId} if it is still in the pool (a conditional
     * update: of concurrent takers exactly one wins), within the new owner's cap. Starts the
     * customer's clock.
     *
     * @throws io.tidecrm.support.RuleViolation when it was taken meanwhile or the cap is full
     */
    void takeFromPool(long customerId, long newOwnerId, long byUserId, OwnerChangeKind kind, Instant now);

    /** The owner (or their manager, or an administrator) puts a visible customer into the pool. */
    void release(long customerId, CurrentUser viewer, String reason, Instant now);

    /**
     * Moves one batch of owned, not-won customers of a type whose clock is before the cutoff
     * into the pool, re-checking the clock on each row, and returns how many moved per former
     * owner (empty when none is left).
     */
    Map<Long, Integer> reclaimBatch(CustomerType type, Instant cutoff, Instant runAt, int batchSize);

    /**
     * The reclaim run stamped {@code runAt} (the {@code runAt} of its batches) has finished:
     * publishes one {@link CustomersReclaimed} with how many customers it moved per former owner,
     * over all its batches (also those committed before a crash that the run recovered from), and
     * returns those counts. Publishes nothing when the run moved nobody's customers.
     */
    Map<Long, Integer> announceReclaim(Instant runAt);
}
