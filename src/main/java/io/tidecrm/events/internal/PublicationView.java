package io.tidecrm.events.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An incomplete publication as the administrators' page shows it.
 *
 * @param listenerId the registry's listener identifier (class, method and parameter type)
 * @param status PUBLISHED, PROCESSING, FAILED or RESUBMITTED
 * @param error the last error recorded for it, or null
 * @param retryable whether a retry would resubmit it now (failed, or without progress for long enough)
 */
record PublicationView(UUID id, String listenerId, String eventType, Instant publishedAt, String status, int attempts,
        Instant lastResubmittedAt, String error, Instant failedAt, boolean retryable) {

    /** The listener as {@code Class.method}, without package and parameter. */
    public String listener() {
        String method = listenerId.contains("(") ? listenerId.substring(0, listenerId.indexOf('(')) : listenerId;
        int dot = method.lastIndexOf('.');
        int classDot = dot < 0 ? -1 : method.lastIndexOf('.', dot - 1);
        return method.substring(classDot + 1);
    }

    /** The event's simple class name. */
    public String eventName() {
        return eventType.substring(eventType.lastIndexOf('.') + 1).replace('$', '.');
    }
}
