package io.tidecrm.pool.internal;

import java.time.LocalDate;

import io.tidecrm.support.ListQuery;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period of the pool flow report, bound from the URL like a list's filters (see
 * {@link ListQuery}): a malformed date is left out, as if it were absent.
 *
 * @param from the first day, the last 30 days when absent
 * @param to the last day, today when absent or before {@code from}
 */
record PoolFlowQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) implements ListQuery {
}
