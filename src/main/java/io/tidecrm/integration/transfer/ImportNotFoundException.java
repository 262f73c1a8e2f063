package io.tidecrm.integration.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An import that does not exist or that the user may not see: 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ImportNotFoundException extends RuntimeException {

    ImportNotFoundException() {
        super("No such import");
    }
}
