package io.tidecrm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that tests move by hand. Starts at the system time; {@link #reset()} returns to it. */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration amount) {
        if (fixed != null) {
            fixed = fixed.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
    }

    public void setInstant(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        offset = Duration.ZERO;
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application uses one zone");
    }

    @Override
    public Instant instant() {
        Instant base = fixed;
        return base != null ? base : Instant.now().plus(offset);
    }
}
