package io.tidecrm.customer;

import java.time.Instant;

/**
 * What a saved follow-up does to its customer: moves the clock forward to {@code occurredAt}
 * (never back), and sets the status (when given) and the next follow-up time.
 */
public record FollowUpFacts(Instant occurredAt, CustomerStatus newStatus, Instant nextFollowUpAt) {
}
