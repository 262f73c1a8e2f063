package io.tidecrm.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A batch of the nightly reclaim moved customers into the pool: how many per former owner.
 * Published in the batch's transaction.
 */
public record CustomersReclaimed(Map<Long, Integer> countsByOwner, Instant runAt) {
}
