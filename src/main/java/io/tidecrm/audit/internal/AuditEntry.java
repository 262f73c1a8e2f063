package io.tidecrm.audit.internal;

import java.time.ZonedDateTime;

/** One line of the audit log as the page shows it, its time in the business zone. */
record AuditEntry(long id, ZonedDateTime occurredAt, Long actorId, String actorName, String kind, String subject,
        String details, String clientAddress) {
}
