package io.tidecrm.pool.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.PoolDeadlines;

/**
 * The one deadline function. A customer is stale at a reclaim run {@code r} when its clock
 * (never earlier than the moment the pool was switched on) lies more than N days before
 * {@code r} (N by type); its deadline is the first run at which it is stale. The reclaim job
 * moves exactly the customers whose clock is before {@link #cutoff}, and the warning job those
 * whose deadline is a given run: all three use this class.
 */
record PoolClock(PoolRules rules, ZoneId zone) implements PoolDeadlines.Calculator {

    /** Customers of this type with a clock before the cutoff are stale at the run. */
    Instant cutoff(Instant run, CustomerType type) {
        return run.atZone(zone).minusDays(rules.staleDays(type)).toInstant();
    }

    @Override
    public Instant deadline(CustomerType type, CustomerStatus status, Long ownerId, Instant clockAt) {
        if (!rules.enabled() || ownerId == null || status == null || status.isWon() || clockAt == null) {
            return null;
        }
        Instant effective = clockAt.isBefore(rules.enabledAt()) ? rules.enabledAt() : clockAt;
        ZonedDateTime run = runOn(effective.atZone(zone).plusDays(rules.staleDays(type)).toLocalDate());
        // The first run whose cutoff lies after the clock: stale means "more than N days".
        while (!cutoff(run.toInstant(), type).isAfter(effective)) {
            run = run.plusDays(1);
        }
        while (cutoff(run.minusDays(1).toInstant(), type).isAfter(effective)) {
            run = run.minusDays(1);
        }
        return run.toInstant();
    }

    @Override
    public Duration warningLead() {
        return Duration.ofDays(rules.warningLeadDays());
    }

    ZonedDateTime runOn(LocalDate date) {
        return date.atTime(rules.reclaimTime()).atZone(zone);
    }

    /** The latest time of day {@code time} at or before {@code instant}: the run a (late) firing stands for. */
    Instant latestAtOrBefore(Instant instant, LocalTime time) {
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime candidate = at.toLocalDate().atTime(time).atZone(zone);
        return (candidate.isAfter(at) ? candidate.minusDays(1) : candidate).toInstant();
    }

    /** The reclaim run of the same day as an instant. */
    Instant reclaimRunOfDay(Instant instant) {
        return runOn(instant.atZone(zone).toLocalDate()).toInstant();
    }
}
