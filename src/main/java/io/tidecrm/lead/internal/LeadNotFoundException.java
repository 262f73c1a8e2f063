package io.tidecrm.lead.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The lead (or rule) does not exist or the viewer may not see it: both answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class LeadNotFoundException extends RuntimeException {

    LeadNotFoundException() {
        super("Lead not found");
    }
}
