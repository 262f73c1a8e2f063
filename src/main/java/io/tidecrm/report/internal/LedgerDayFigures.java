package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.tidecrm.fieldwork.DayFigureSource;
import io.tidecrm.fieldwork.DayFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The field work reports' figures from the leaderboard ledger (issue 16: the daily summary's
 * figures "from the leaderboard ledger if it exists"): one user's facts of a few days, in one
 * statement on the ledger's user index. Counts are the boards' signed sums (a contract sent back
 * takes its approval off, as on the leaderboard); payments are counted by their facts and summed.
 */
@Component
class LedgerDayFigures implements DayFigureSource {

    private final JdbcClient jdbc;

    LedgerDayFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public DayFigures figures(long userId, LocalDate from, LocalDate until) {
        record Sum(int facts, BigDecimal value) {
        }
        Map<String, Sum> sums = new HashMap<>();
        jdbc.sql("""
                SELECT board, count(*), coalesce(sum(value), 0) FROM board_fact
                WHERE user_id = :user AND board IN (:boards) AND business_date BETWEEN :from AND :until
                GROUP BY board
                """)
                .param("user", userId)
                .param("boards", java.util.List.of(Board.FOLLOW_UPS.name(), Board.VISITS.name(),
                        Board.NEW_CUSTOMERS.name(), Board.CONTRACTS_APPROVED.name(), Board.CONTRACT_AMOUNT.name(),
                        Board.PAYMENTS.name()))
                .param("from", from).param("until", until)
                .query((rs, n) -> sums.put(rs.getString(1), new Sum(rs.getInt(2), rs.getBigDecimal(3)))).list();
        Sum none = new Sum(0, BigDecimal.ZERO);
        java.util.function.Function<Board, Sum> of = board -> sums.getOrDefault(board.name(), none);
        return new DayFigures(of.apply(Board.FOLLOW_UPS).value().intValue(), of.apply(Board.VISITS).value().intValue(),
                of.apply(Board.NEW_CUSTOMERS).value().intValue(), of.apply(Board.CONTRACTS_APPROVED).value().intValue(),
                of.apply(Board.CONTRACT_AMOUNT).value(), of.apply(Board.PAYMENTS).facts(),
                of.apply(Board.PAYMENTS).value());
    }
}
