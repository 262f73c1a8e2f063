package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A submitted contract was approved. Its amount is credited to the contract's owner and their
 * team at that moment, on the business date of the approval (the leaderboard's "contract
 * amount" and "contracts approved" boards).
 *
 * @param submitterId who submitted it, told of the decision
 * @param comment the approver's comment, or null
 */
public record ContractApproved(long contractId, String title, long customerId, String customerName, long ownerId,
        Long ownerTeamId, long submitterId, long approvedById, BigDecimal amount, String comment, Instant occurredAt,
        LocalDate businessDate) {
}
