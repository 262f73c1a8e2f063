package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A board's figure per user over a period, in one statement: whole closed months from the
 * monthly rollup, the other closed days from the daily rollup, and the days not rolled up yet
 * (today, live) from the ledger. Each part is a range scan of its table's primary key, so a
 * year reads about twelve monthly rows per user plus at most two partial months of days. The
 * distinct-customer board counts distinct customers over the whole period, from the ledger.
 */
@Component
class BoardFigures {

    private final JdbcClient jdbc;

    BoardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement and its parameters. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * @param rolledThrough the last day the rollup has written, or null
     * @param teamId only facts credited to this team, or null for the company
     */
    Map<Long, BigDecimal> byUser(Board board, Period period, Long teamId, LocalDate rolledThrough) {
        Map<Long, BigDecimal> figures = new HashMap<>();
        Statement statement = statement(board, period, teamId, rolledThrough);
        jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> figures.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return figures;
    }

    /** The statement of {@link #byUser}: every bound a plain date, so each part is a range of its index. */
    Statement statement(Board board, Period period, Long teamId, LocalDate rolledThrough) {
        String team = teamId == null ? "" : " AND team_id = :team";
        Map<String, Object> params = new HashMap<>();
        params.put("board", board.name());
        params.put("from", period.from());
        params.put("to", period.to());
        params.put("team", teamId);
        if (board.distinct()) {
            return new Statement("""
                    SELECT user_id, count(DISTINCT customer_id) FROM board_fact
                    WHERE board = :board AND business_date BETWEEN :from AND :to""" + team + """

                    GROUP BY user_id
                    """, params);
        }
        LocalDate closedTo = rolledThrough == null || rolledThrough.isBefore(period.from()) ? period.from().minusDays(1)
                : rolledThrough.isBefore(period.to()) ? rolledThrough : period.to();
        LocalDate closedEnd = closedTo.plusDays(1);
        // The whole months inside [from, closedTo]: [monthsFrom, monthsTo), empty when none.
        LocalDate monthsFrom = period.from().getDayOfMonth() == 1 ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate monthsTo = closedEnd.getDayOfMonth() == 1 ? closedEnd : closedTo.withDayOfMonth(1);
        if (monthsTo.isBefore(monthsFrom)) {
            monthsTo = monthsFrom;
        }
        params.put("monthsFrom", monthsFrom);
        params.put("monthsTo", monthsTo);
        // Closed days before the months, and after them; then the days not rolled up yet.
        params.put("headEnd", monthsFrom.isBefore(closedEnd) ? monthsFrom : closedEnd);
        params.put("tailStart", monthsTo.isAfter(period.from()) ? monthsTo : period.from());
        params.put("closedEnd", closedEnd);
        return new Statement("""
                SELECT user_id, sum(value) FROM (
                    SELECT user_id, value FROM board_monthly
                    WHERE board = :board AND month >= :monthsFrom AND month < :monthsTo""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_daily
                    WHERE board = :board AND business_date >= :from AND business_date < :headEnd""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_daily
                    WHERE board = :board AND business_date >= :tailStart AND business_date < :closedEnd""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_fact
                    WHERE board = :board AND business_date >= :closedEnd AND business_date <= :to""" + team + """

                ) f
                GROUP BY user_id
                """, params);
    }
}
