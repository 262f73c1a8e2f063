package io.tidecrm.service.internal;

import io.tidecrm.followup.SubjectLookup;
import org.springframework.stereotype.Component;

/** Follow-ups can be written on a ticket the viewer may see; they follow up its customer. */
@Component
class TicketFollowUps extends SubjectLookup<Ticket> {

    TicketFollowUps(TicketAccess tickets) {
        super("TICKET", "/tickets/", TicketNotFoundException.class, tickets::loadVisible, Ticket::customerId,
                Ticket::title);
    }
}
