package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.PoolDeadlines;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The pool deadline as the customer pages show it, from the pool module's one deadline function. */
@Component
class PoolDeadlineView {

    private final ObjectProvider<PoolDeadlines> deadlines;
    private final Clock clock;

    PoolDeadlineView(ObjectProvider<PoolDeadlines> deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The deadline, how many calendar days away it is, and whether it is within the warning lead. */
    record Deadline(Instant at, long days, boolean near) {
    }

    /** Reads the rules once; the returned function computes without further queries. */
    java.util.function.Function<Key, Deadline> snapshot() {
        PoolDeadlines provider = deadlines.getIfAvailable();
        if (provider == null) {
            return key -> null;
        }
        PoolDeadlines.Calculator calculator = provider.calculator();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return key -> {
            Instant at = calculator.deadline(key.type(), key.status(), key.ownerId(), key.clockAt());
            if (at == null) {
                return null;
            }
            long days = ChronoUnit.DAYS.between(today, LocalDate.ofInstant(at, clock.getZone()));
            return new Deadline(at, Math.max(0, days), !at.isAfter(now.plus(calculator.warningLead())));
        };
    }

    record Key(CustomerType type, CustomerStatus status, Long ownerId, Instant clockAt) {
    }
}
