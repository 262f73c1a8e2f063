package io.tidecrm.customer;

/** Follow-up status (跟进状态), in the order of the sales path; ON_HOLD stands aside. */
public enum CustomerStatus {
    FIRST_VISIT, TRIAL, INTENT, QUOTED, NEGOTIATING, WON, ON_HOLD;

    /** 成交: a won customer is never reclaimed into the pool. */
    public boolean isWon() {
        return this == WON;
    }
}
