package io.tidecrm.customer.internal;

import java.time.Instant;

import io.tidecrm.customer.OwnerChangeKind;

/** One change of owner, with names for the page. */
public record OwnerHistoryRow(Instant changedAt, OwnerChangeKind kind, String previousOwnerName, String newOwnerName,
        String changedByName, String reason) {
}
