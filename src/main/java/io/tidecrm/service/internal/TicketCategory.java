package io.tidecrm.service.internal;

/** What the ticket is about. */
public enum TicketCategory {
    PRODUCT, TECHNICAL, ACCOUNT, BILLING, TRAINING, ATTITUDE, OTHER
}
