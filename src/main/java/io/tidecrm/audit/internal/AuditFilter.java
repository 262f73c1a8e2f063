package io.tidecrm.audit.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the audit page, all in the address so that a filtered view can be shared.
 * Dates are days in the business zone, both ends included.
 *
 * @param before the key of the page: entries older than this entry
 */
record AuditFilter(String kind, String actor, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long before) {

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    Optional<String> kindValue() {
        return StringUtils.hasText(kind) ? Optional.of(kind.strip()) : Optional.empty();
    }

    Optional<String> actorValue() {
        return StringUtils.hasText(actor) ? Optional.of(actor.strip()) : Optional.empty();
    }

    /** The address of this filter's page of entries older than {@code olderThan} (the first page when null). */
    String url(Long olderThan) {
        return UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("kind", kindValue())
                .queryParamIfPresent("actor", actorValue())
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .queryParamIfPresent("before", Optional.ofNullable(olderThan))
                .encode()
                .build()
                .toUriString();
    }
}
