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

    /**
     * @param rolledThrough the last day the rollup has written, or null
     * @param teamId only facts credited to this team, or null for the company
     */
    Map<Long, BigDecimal> byUser(Board board, Period period, Long teamId, LocalDate rolledThrough) {
        String team = teamId == null ? "" : " AND team_id = :team";
        Map<Long, BigDecimal> figures = new HashMap<>();
        if (board.distinct()) {
            jdbc.sql("""
                    SELECT user_id, count(DISTINCT customer_id) FROM board_fact
                    WHERE board = :board AND business_date BETWEEN :from AND :to""" + team + """

                    GROUP BY user_id
                    """).param("board", board.name()).param("from", period.from()).param("to", period.to())
                    .param("team", teamId)
                    .query((rs, n) -> figures.put(rs.getLong(1), rs.getBigDecimal(2))).list();
            return figures;
        }
        LocalDate closedTo = rolledThrough == null || rolledThrough.isBefore(period.from()) ? period.from().minusDays(1)
                : rolledThrough.isBefore(period.to()) ? rolledThrough : period.to();
        // The whole months inside [from, closedTo]: [monthsFrom, monthsTo), empty when none.
        LocalDate monthsFrom = period.from().getDayOfMonth() == 1 ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate monthsTo = closedTo.plusDays(1).getDayOfMonth() == 1 ? closedTo.plusDays(1)
                : closedTo.withDayOfMonth(1);
        if (monthsTo.isBefore(monthsFrom)) {
            monthsTo = monthsFrom;
        }
        jdbc.sql("""
                SELECT user_id, sum(value) FROM (
                    SELECT user_id, value FROM board_monthly
                    WHERE board = :board AND month >= :monthsFrom AND month < :monthsTo""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_daily
                    WHERE board = :board AND business_date >= :from AND business_date < least(:monthsFrom, :closedEnd)""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_daily
                    WHERE board = :board AND business_date >= greatest(:monthsTo, :from) AND business_date < :closedEnd""" + team + """

                    UNION ALL
                    SELECT user_id, value FROM board_fact
                    WHERE board = :board AND business_date >= :closedEnd AND business_date <= :to""" + team + """

                ) f
                GROUP BY user_id
                """).param("board", board.name()).param("from", period.from()).param("to", period.to())
                .param("monthsFrom", monthsFrom).param("monthsTo", monthsTo).param("closedEnd", closedTo.plusDays(1))
                .param("team", teamId)
                .query((rs, n) -> figures.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return figures;
    }
}
