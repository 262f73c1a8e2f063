package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A submitted contract was rejected, with the reason the approver gave.
 *
 * @param submitterId who submitted it, told of the decision
 */
public record ContractRejected(long contractId, String title, long customerId, String customerName, long ownerId,
        Long ownerTeamId, long submitterId, long rejectedById, BigDecimal amount, String comment, Instant occurredAt,
        LocalDate businessDate) {
}
