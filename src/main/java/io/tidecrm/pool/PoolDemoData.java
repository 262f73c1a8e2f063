package io.tidecrm.pool;

import java.time.Instant;
import java.util.List;

import io.tidecrm.customer.DemoCustomers;

/**
 * The pool's part of the demo data of a developer's copy (never in the prod profile): the
 * rules the demo customers are placed against, and the warnings and nightly runs their story
 * implies.
 */
public interface PoolDemoData {

    /**
     * Dates the switching-on of the pool back to {@code historyStart} when it was switched on
     * later (a fresh database switches it on when it is migrated, which would start every demo
     * clock now), and returns the rules the demo customers are placed against. In the caller's
     * transaction.
     */
    DemoCustomers.PoolTerms prepare(Instant historyStart);

    /**
     * Records what the 12:00 warnings and the 20:00 reclaims did with the demo customers (the
     * warnings sent, once per deadline, and a run record per scheduled time), so that the next
     * real run carries on from there, and returns the warnings as digests per owner and run.
     */
    List<WarningDigest> recordHistory(List<DemoCustomers.Customer> customers);

    /** One owner's warning of one 12:00 run: the customers that go to the pool at {@code deadline}. */
    record WarningDigest(long ownerId, Instant warnedAt, Instant deadline, List<Long> customerIds,
            List<String> customerNames) {
    }
}
