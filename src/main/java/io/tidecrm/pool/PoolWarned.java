package io.tidecrm.pool;

import java.time.Instant;
import java.util.List;

/**
 * The warning run found customers of one owner that go to the pool at their deadline unless
 * followed up: one digest per owner. Published in the run's transaction.
 *
 * @param copyTo managers who get a copy (empty unless the rule asks for it)
 */
public record PoolWarned(long ownerId, List<Customer> customers, List<Long> copyTo, Instant warnedAt) {

    public record Customer(long id, String name, Instant deadline) {
    }
}
