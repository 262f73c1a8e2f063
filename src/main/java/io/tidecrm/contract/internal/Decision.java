package io.tidecrm.contract.internal;

/** What an approver decides on a submitted contract; stored by name in {@code contract_decision}. */
public enum Decision {
    APPROVED, REJECTED
}
