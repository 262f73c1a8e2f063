package io.tidecrm.events.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How incomplete event publications are resubmitted.
 *
 * @param resubmitInterval how often the resubmission job runs, and so how often a failed delivery is retried
 * @param resubmitAfter how long a publication that has not failed must have gone without progress (since it was
 *        published or last resubmitted) before it counts as cut off (its node died or stopped) and is resubmitted:
 *        longer than any delivery takes, so that one still under way, on this node or another, is never started a
 *        second time
 * @param keepCompleted how long completed publications stay in the registry before the job deletes them
 */
@ConfigurationProperties("tidecrm.events")
record EventsProperties(Duration resubmitInterval, Duration resubmitAfter, Duration keepCompleted) {

    EventsProperties {
        if (resubmitInterval == null || resubmitInterval.isNegative() || resubmitInterval.isZero()) {
            resubmitInterval = Duration.ofMinutes(5);
        }
        if (resubmitAfter == null || resubmitAfter.isNegative()) {
            resubmitAfter = Duration.ofMinutes(10);
        }
        if (keepCompleted == null || keepCompleted.isNegative()) {
            keepCompleted = Duration.ofDays(7);
        }
    }
}
