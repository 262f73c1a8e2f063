package io.tidecrm.customer;

import java.time.Instant;
import java.util.Map;

/**
 * A run of the nightly reclaim moved customers into the pool: how many per former owner, over
 * all the run's batches. Published once per run, in the short transaction that records the run
 * as done, so that each former owner is told once per run (and a rerun, which finds the run
 * done, tells nobody again).
 *
 * @param runAt the run's stamp (its scheduled time, or the moment a run by hand started)
 */
public record CustomersReclaimed(Map<Long, Integer> countsByOwner, Instant runAt) {
}
