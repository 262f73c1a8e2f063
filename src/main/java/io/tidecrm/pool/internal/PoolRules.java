package io.tidecrm.pool.internal;

import java.time.Instant;
import java.time.LocalTime;

import io.tidecrm.customer.CustomerType;

/** The pool's rules (one row), as the administrators set them. */
record PoolRules(boolean enabled, Instant enabledAt, Integer uniformDays, int daysA, int daysB, int daysC,
        LocalTime reclaimTime, LocalTime warningTime, int warningLeadDays, boolean grabBackEnabled,
        int grabBackDays, Integer dailyGrabLimit, boolean copyManagers, long version) {

    /** Days without follow-up after which a customer of the type is stale. */
    int staleDays(CustomerType type) {
        if (uniformDays != null) {
            return uniformDays;
        }
        return switch (type) {
            case A -> daysA;
            case B -> daysB;
            case C -> daysC;
        };
    }
}
