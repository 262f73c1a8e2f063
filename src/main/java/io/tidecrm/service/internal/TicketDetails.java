package io.tidecrm.service.internal;

import java.time.Instant;
import java.util.List;

/**
 * The ticket page's read model, with every user named.
 *
 * @param customerVisible whether the viewer sees the customer itself (an assignee who does not sees
 *        the ticket but neither the customer's page nor its follow-ups)
 */
public record TicketDetails(Ticket ticket, String customerName, String contactName, String ownerName,
        String createdByName, boolean firstResponseLate, boolean resolutionLate, boolean mayWork, boolean mayReassign,
        boolean customerVisible, List<Entry> entries) {

    public long id() {
        return ticket.id();
    }

    /** One line of the timeline. */
    public record Entry(long id, EntryKind kind, String authorName, Instant at, String body, String ownerName,
            Integer satisfaction) {
    }
}
