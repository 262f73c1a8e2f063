package io.tidecrm.report.internal;

import java.time.LocalDate;

import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.support.ListQuery;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The sales reports' address: period kind (default the month), a day inside it (default
 * today), the ends of a custom range, and what the new customers are grouped by. Bound leniently:
 * a value that does not convert is left out, and the page says so.
 */
record AnalyticsFilter(Period.Kind period, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        CustomerStatistics.Dimension by) implements ListQuery {
}
