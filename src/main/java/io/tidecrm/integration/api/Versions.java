package io.tidecrm.integration.api;

import io.tidecrm.support.RuleViolation;
import org.springframework.http.ResponseEntity;

/** The {@code @Version} of a record as its entity tag: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static <T> ResponseEntity<T> withEtag(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    /**
     * The version an {@code If-Match} names: 428 without one; an unreadable one (or {@code *},
     * which would overwrite blindly) matches no version, 412.
     */
    static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new MissingIfMatchException();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        if (!value.matches("[0-9]{1,18}")) {
            throw new RuleViolation(null, ApiProblemAdvice.STALE);
        }
        return Long.parseLong(value);
    }
}
