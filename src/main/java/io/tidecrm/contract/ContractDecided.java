package io.tidecrm.contract;

import java.time.Instant;

/**
 * A manager or an administrator approved or rejected a submitted contract. Published in the
 * transaction of the decision, so that the submitter's notice and the audit entry are saved with
 * it or not at all.
 *
 * @param comment the reason given (always present for a rejection), or null
 */
public record ContractDecided(long contractId, String title, long customerId, String customerName, long submitterId,
        long decidedById, Decision decision, String comment, Instant decidedAt) {

    /** What the approver decided. */
    public enum Decision {
        APPROVED, REJECTED
    }
}
