package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A contract was submitted for approval (first time, again after a rejection, or because its
 * money terms changed after an approval). Carries the amount asked for and the contract's owner
 * and their team at that moment, so that a listener never reads the contract tables.
 *
 * @param amount the contract's total as submitted
 * @param approverIds the submitter's team managers, who are asked to decide
 */
public record ContractSubmitted(long contractId, String title, long customerId, String customerName,
        BigDecimal amount, long ownerId, Long ownerTeamId, long submitterId, String submitterName,
        Set<Long> approverIds, Instant submittedAt) {
}
