package io.tidecrm.audit.internal;

import java.time.LocalDate;

import io.tidecrm.support.ListQuery;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the audit page, all in the address so that a filtered view can be shared
 * (bound as a {@link ListQuery}). Dates are days in the business zone, both ends included.
 *
 * @param cursor the page position: the id of the last entry shown (entries are newest first)
 */
record AuditFilter(AuditKind kind, String actor, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String cursor) implements ListQuery {

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
