package io.tidecrm.contract;

import java.time.Instant;
import java.util.Set;

/**
 * A contract was submitted for approval (first time, again after a rejection, or because its
 * money terms changed after an approval).
 *
 * @param approverIds the submitter's team managers, who are asked to decide
 */
public record ContractSubmitted(long contractId, String title, String customerName, long submitterId,
        String submitterName, Set<Long> approverIds, Instant submittedAt) {
}
