package io.tidecrm.customer;

import java.time.Instant;

/**
 * What a saved follow-up does to its customer: moves the clock forward to {@code occurredAt}
 * (never back), sets the status (when given) and the next follow-up time. A follow-up that
 * gives no next time keeps the one already scheduled; it is cleared only on purpose.
 *
 * @param nextFollowUpAt the next follow-up time to schedule, or null to keep the scheduled one
 * @param clearNextFollowUp "done, none planned": clears the scheduled time when no new one is given
 */
public record FollowUpFacts(Instant occurredAt, CustomerStatus newStatus, Instant nextFollowUpAt,
        boolean clearNextFollowUp) {
}
