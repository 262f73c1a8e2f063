package io.tidecrm.service.internal;

/** How urgent; with the kind and the customer type it picks the SLA policy. */
public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
