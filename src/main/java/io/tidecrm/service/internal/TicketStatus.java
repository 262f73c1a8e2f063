package io.tidecrm.service.internal;

/** new → in progress → resolved (with the resolution) → closed (with the satisfaction); a reopen goes back to in progress. */
public enum TicketStatus {
    NEW, IN_PROGRESS, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this == NEW || this == IN_PROGRESS;
    }
}
