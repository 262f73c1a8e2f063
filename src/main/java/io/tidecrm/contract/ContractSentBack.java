package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The money terms of an approved contract changed, so it went back for approval. The amount it
 * was approved with is withdrawn on this business date (the re-approval adds the new amount on
 * its own day), so that no past day of the leaderboard changes.
 *
 * @param approvedAmount the amount of the approval that no longer holds
 * @param newAmount the contract's amount after the edit
 */
public record ContractSentBack(long contractId, String title, long customerId, long ownerId, Long ownerTeamId,
        BigDecimal approvedAmount, BigDecimal newAmount, long byUserId, Instant occurredAt, LocalDate businessDate) {
}
