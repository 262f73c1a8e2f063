package io.tidecrm.sales.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The opportunity does not exist or its customer is outside the viewer's scope: both answer
 * 404, so that an id never tells whether a record exists outside one's scope.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class OpportunityNotFoundException extends RuntimeException {

    OpportunityNotFoundException() {
        super("Opportunity not found");
    }
}
