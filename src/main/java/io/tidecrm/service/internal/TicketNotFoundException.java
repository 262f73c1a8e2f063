package io.tidecrm.service.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The ticket does not exist or the viewer may not see it: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TicketNotFoundException extends RuntimeException {

    TicketNotFoundException() {
        super("Ticket not found");
    }
}
