package io.tidecrm.customer;

import java.time.Instant;

/** A customer as other modules see it, read through the viewer's scope. */
public record CustomerRef(long id, String name, CustomerType type, CustomerStatus status, Long ownerId,
        Instant nextFollowUpAt, Instant clockAt, Instant lastFollowUpAt) {
}
