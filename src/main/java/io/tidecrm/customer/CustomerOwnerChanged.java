package io.tidecrm.customer;

import java.time.Instant;

/**
 * A customer changed hands: published in the transaction that changed the owner.
 *
 * @param previousOwnerId null when the customer came from the pool or was just created
 * @param newOwnerId null when the customer went into the pool
 * @param changedById the user who made the change, null for the nightly job
 * @param reason free text given with the change, may be null
 */
public record CustomerOwnerChanged(long customerId, String customerName, Long previousOwnerId, Long newOwnerId,
        Long changedById, OwnerChangeKind kind, String reason, Instant changedAt) {
}
