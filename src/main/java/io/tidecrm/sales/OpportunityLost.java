package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An opportunity closed as lost (S6 输单), with the reason given. */
public record OpportunityLost(long opportunityId, long customerId, String name, long ownerId, Long ownerTeamId,
        BigDecimal amount, String reason, Instant occurredAt, LocalDate businessDate) {
}
