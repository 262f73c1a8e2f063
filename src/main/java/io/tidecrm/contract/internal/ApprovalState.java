package io.tidecrm.contract.internal;

/**
 * The approval of a contract: DRAFT → SUBMITTED → APPROVED or REJECTED; a rejected one is edited
 * and submitted again; a change of the money terms of an approved one submits it again. Only an
 * approved contract counts and takes payments.
 */
public enum ApprovalState {
    DRAFT, SUBMITTED, APPROVED, REJECTED;

    /** Whether the contract may be submitted (or resubmitted) from this state. */
    public boolean isSubmittable() {
        return this == DRAFT || this == REJECTED;
    }
}
