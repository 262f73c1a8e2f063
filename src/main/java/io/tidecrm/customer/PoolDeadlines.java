package io.tidecrm.customer;

import java.time.Duration;
import java.time.Instant;

/**
 * The pool deadline of owned customers, supplied by the pool module so that the customer
 * pages show the same deadline that the jobs use. Absent when no pool module is present.
 */
public interface PoolDeadlines {

    /** A snapshot of the rules, read once, to compute many deadlines without further queries. */
    Calculator calculator();

    interface Calculator {

        /** The first reclaim run at which the customer goes to the pool; null when it never will (won, pooled, pool off). */
        Instant deadline(CustomerType type, CustomerStatus status, Long ownerId, Instant clockAt);

        /** How long before its deadline a customer is warned (shown in red from then on). */
        Duration warningLead();
    }
}
