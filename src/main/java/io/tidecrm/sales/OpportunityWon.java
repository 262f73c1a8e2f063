package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An opportunity closed as won (S6 赢单), credited to its owner and their team at that moment. */
public record OpportunityWon(long opportunityId, long customerId, String name, long ownerId, Long ownerTeamId,
        BigDecimal amount, Instant occurredAt, LocalDate businessDate) {
}
