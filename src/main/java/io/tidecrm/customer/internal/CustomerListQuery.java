package io.tidecrm.customer.internal;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.ListQuery;

/**
 * The customer list's filters, sort and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param q a part of the name, or a whole unified social credit code
 * @param cursor the page position, a cursor of the sort's {@link KeysetOrder}
 * @param size rows per page: 20 (the default), 50 or 100; any other value counts as 20
 */
public record CustomerListQuery(CustomerStatus status, CustomerType type, String tag, CustomerSource source, Long owner,
        Due due, Idle idle, String q, Sort sort, String cursor, Integer size) implements ListQuery {

    /** The page sizes a URL may ask for; the first is the default. */
    static final java.util.List<Integer> PAGE_SIZES = java.util.List.of(20, 50, 100);

    /** Next follow-up due today, overdue (before now), or this week (Monday to Sunday). */
    public enum Due {
        TODAY, OVERDUE, WEEK
    }

    /**
     * Forgotten customers: owned, not won, and with no follow-up for at least so many days since
     * their owner got them (their follow-up clock, as the pool counts it).
     */
    public enum Idle {
        DAYS_7(7), DAYS_15(15), DAYS_30(30), DAYS_90(90);

        final int days;

        Idle(int days) {
            this.days = days;
        }
    }

    /**
     * The allowed sorts, the only source of the list's ORDER BY. Each has a matching index for
     * one owner and for everyone (V5 migration).
     */
    public enum Sort {
        UPDATED(KeysetOrder.by("c.updated_at", "timestamptz", false, "c.id")),
        NEXT_FOLLOW_UP(KeysetOrder.by("coalesce(c.next_follow_up_at, 'infinity'::timestamptz)", "timestamptz", true, "c.id")),
        STALEST(KeysetOrder.by("c.clock_at", "timestamptz", true, "c.id")),
        NAME(KeysetOrder.by("c.name", "varchar", true, "c.id"));

        final KeysetOrder order;

        Sort(KeysetOrder order) {
            this.order = order;
        }
    }

    /** Rows per page, one of {@link #PAGE_SIZES}. */
    public int pageSize() {
        return size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
    }

    public Sort sortOrDefault() {
        return sort == null ? Sort.UPDATED : sort;
    }
}
