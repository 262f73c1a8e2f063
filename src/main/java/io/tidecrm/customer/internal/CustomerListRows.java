package io.tidecrm.customer.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.support.Times;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The customer list's rows as the page shows them: each cell's text ready in the reader's
 * language, so that the template reads a cell as one property. Written in the template as
 * conditionals over messages, a row was a dozen template expressions and the 20 rows were the
 * largest part of the rep's list page's CPU, larger than its SQL (issue 14, JFR in the note).
 */
@Component
class CustomerListRows {

    private static final String NONE = "—";

    private final MessageSource messages;
    private final Times times;

    CustomerListRows(MessageSource messages, Times times) {
        this.messages = messages;
        this.times = times;
    }

    /**
     * One row of the list as shown.
     *
     * @param owner the owner's name, or the pool's
     * @param sinceFollowUp days since the last follow-up ("3 天"), or "never"
     * @param pool when the customer goes to the pool ("3 天后进入公海"), or a dash
     */
    record Shown(long id, String name, String type, String status, String owner, String nextFollowUp,
            boolean overdue, String sinceFollowUp, String pool, boolean poolNear, List<String> tags) {
    }

    List<Shown> of(List<CustomerQueries.Row> rows, Locale locale) {
        Map<CustomerStatus, String> statuses = new EnumMap<>(CustomerStatus.class);
        String inPool = message("customer.inPool", locale);
        List<Shown> shown = new ArrayList<>(rows.size());
        for (CustomerQueries.Row r : rows) {
            String status = r.status() == null ? NONE
                    : statuses.computeIfAbsent(r.status(), s -> message("customer.status." + s.name(), locale));
            String since = r.daysSinceFollowUp() == null ? message("customer.neverFollowedUp", locale)
                    : message("customer.daysAgo", locale, r.daysSinceFollowUp());
            String pool = r.daysToPool() == null ? NONE
                    : r.daysToPool() == 0 ? message("pool.deadline.today", locale)
                    : message("pool.deadline.inDays", locale, r.daysToPool());
            shown.add(new Shown(r.id(), r.name(), r.type().name(), status, r.ownerName() == null ? inPool : r.ownerName(),
                    times.dateTime(r.nextFollowUpAt()), r.overdue(), since, pool, r.poolNear(), r.tags()));
        }
        return shown;
    }

    /** A label as {@code #{key}} would show it, a missing one included (never a failed page). */
    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, "??" + key + "_" + locale + "??", locale);
    }
}
