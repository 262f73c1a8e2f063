package io.tidecrm.sales.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The opportunity list's filters and page position, read from the URL so that a list can be
 * bookmarked. A value that does not parse is ignored, never an error.
 *
 * @param owner only for managers and administrators (ignored for reps)
 * @param month the expected close month, {@code 2030-03}
 * @param before the keyset position: rows with a smaller id
 */
public record OpportunityListQuery(Stage stage, Long owner, YearMonth month, Long before) {

    static OpportunityListQuery from(Map<String, String> params) {
        return new OpportunityListQuery(stage(params.get("stage")), number(params.get("owner")),
                month(params.get("month")), number(params.get("before")));
    }

    OpportunityListQuery withoutOwner() {
        return new OpportunityListQuery(stage, null, month, before);
    }

    static Stage stage(String value) {
        try {
            return value == null || value.isBlank() ? null : Stage.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static YearMonth month(String value) {
        try {
            return value == null || value.isBlank() ? null : YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
