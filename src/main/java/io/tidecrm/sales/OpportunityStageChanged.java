package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An opportunity moved from one stage to another (closing as won or lost included; those are
 * also published as {@link OpportunityWon} and {@link OpportunityLost}).
 *
 * @param fromStage the stage code before the move
 * @param toStage the stage code after the move
 */
public record OpportunityStageChanged(long opportunityId, long customerId, long ownerId, Long ownerTeamId,
        String fromStage, String toStage, BigDecimal amount, long byUserId, Instant occurredAt,
        LocalDate businessDate) {
}
