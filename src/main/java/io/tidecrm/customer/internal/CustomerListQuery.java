package io.tidecrm.customer.internal;

import java.util.Map;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;

/**
 * The customer list's filters, sort and page position, read from the URL so that a list can
 * be bookmarked. A value that does not parse is ignored.
 */
public record CustomerListQuery(CustomerStatus status, CustomerType type, String tag, CustomerSource source, Long owner,
        Due due, String q, Sort sort, String after) {

    /** Next follow-up due today, overdue (before now), or this week (Monday to Sunday). */
    public enum Due {
        TODAY, OVERDUE, WEEK
    }

    /**
     * The allowed sorts. Each has a matching index for one owner and for everyone (V5 migration).
     */
    public enum Sort {
        UPDATED("c.updated_at", false, "timestamptz"),
        NEXT_FOLLOW_UP("coalesce(c.next_follow_up_at, 'infinity'::timestamptz)", true, "timestamptz"),
        STALEST("c.clock_at", true, "timestamptz"),
        NAME("c.name", true, "varchar");

        final String expression;
        final boolean ascending;
        final String sqlType;

        Sort(String expression, boolean ascending, String sqlType) {
            this.expression = expression;
            this.ascending = ascending;
            this.sqlType = sqlType;
        }
    }

    /** Reads the query from request parameters; a value that does not parse is ignored. */
    static CustomerListQuery from(Map<String, String> params) {
        return new CustomerListQuery(parse(CustomerStatus.class, params.get("status")),
                parse(CustomerType.class, params.get("type")), blankToNull(params.get("tag")),
                parse(CustomerSource.class, params.get("source")), parseLong(params.get("owner")),
                parse(Due.class, params.get("due")), blankToNull(params.get("q")), parse(Sort.class, params.get("sort")),
                blankToNull(params.get("after")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Sort sortOrDefault() {
        return sort == null ? Sort.UPDATED : sort;
    }

    String search() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}
