package io.tidecrm.integration.api;

/** An update came without {@code If-Match}: 428, the caller must say which version it changes. */
class MissingIfMatchException extends RuntimeException {

    MissingIfMatchException() {
        super("If-Match required");
    }
}
