package io.tidecrm.customer.internal;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;

/**
 * The customer list's filters, sort and page position, bound from the URL so that a list can
 * be bookmarked. A value that does not parse is ignored (the binding error leaves it null).
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

    public Sort sortOrDefault() {
        return sort == null ? Sort.UPDATED : sort;
    }

    String search() {
        return q == null || q.isBlank() ? null : q.strip();
    }
}
