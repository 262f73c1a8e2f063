package io.tidecrm.report.internal;

import java.time.LocalDate;

import io.tidecrm.support.ListQuery;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The leaderboard's address: board, period kind, a day inside the period (default today), the
 * ends of a custom range, and the team (none for the company). Bound leniently like a list's
 * filter: a value that does not convert is left out, and the page says so.
 */
record LeaderboardFilter(Board board, Period.Kind period, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Long team, Long user) implements ListQuery {
}
