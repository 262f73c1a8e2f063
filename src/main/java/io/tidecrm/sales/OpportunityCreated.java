package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An opportunity was created. Carries the owner and team at that moment and the business date.
 *
 * @param stage the stage code it starts at ({@code LEAD}, {@code QUALIFIED}, … as in the pipeline)
 */
public record OpportunityCreated(long opportunityId, long customerId, String name, long ownerId, Long ownerTeamId,
        String stage, BigDecimal amount, Instant occurredAt, LocalDate businessDate) {
}
