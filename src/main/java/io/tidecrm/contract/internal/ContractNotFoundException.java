package io.tidecrm.contract.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The contract (or its instalment or attachment) does not exist or its customer is outside the
 * viewer's scope: both answer 404, so that an id never tells whether a record exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ContractNotFoundException extends RuntimeException {

    ContractNotFoundException() {
        super("Contract not found");
    }
}
