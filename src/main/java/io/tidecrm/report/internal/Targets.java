package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly targets (业绩目标) of reps and teams. A quarter's or a year's target is the sum of its
 * months'; a month without a target counts as none (not as zero) when no month of the period has one.
 */
@Component
class Targets {

    private final JdbcClient jdbc;
    private final Clock clock;

    Targets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The targets of the users for the months, summed per user (users without any are absent). */
    Map<Long, BigDecimal> ofUsers(Board board, List<YearMonth> months) {
        return sums("user_id", board, months);
    }

    /** The teams' targets for the months, summed per team. */
    Map<Long, BigDecimal> ofTeams(Board board, List<YearMonth> months) {
        return sums("team_id", board, months);
    }

    private Map<Long, BigDecimal> sums(String column, Board board, List<YearMonth> months) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        if (months.isEmpty() || !board.targetable()) {
            return sums;
        }
        jdbc.sql("SELECT " + column + ", sum(amount) FROM sales_target WHERE board = :board AND month >= :from"
                + " AND month <= :to AND " + column + " IS NOT NULL GROUP BY " + column)
                .param("board", board.name()).param("from", months.get(0).atDay(1))
                .param("to", months.get(months.size() - 1).atDay(1))
                .query((rs, n) -> sums.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return sums;
    }

    /** One month's targets of a team and its members: "BOARD:U<user id>" or "BOARD:T<team id>" → amount. */
    Map<String, BigDecimal> month(YearMonth month, long teamId, List<Long> memberIds) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                SELECT board, user_id, team_id, amount FROM sales_target
                WHERE month = :month AND (team_id = :team OR user_id IN (:members))
                """).param("month", month.atDay(1)).param("team", teamId)
                .param("members", memberIds.isEmpty() ? List.of(-1L) : memberIds)
                .query((rs, n) -> {
                    long user = rs.getLong("user_id");
                    String key = rs.wasNull() ? "T" + rs.getLong("team_id") : "U" + user;
                    return values.put(rs.getString("board") + ":" + key, rs.getBigDecimal("amount"));
                }).list();
        return values;
    }

    /** Sets (or, with a null amount, removes) one month's target of a user or a team. */
    @Transactional
    void set(Board board, YearMonth month, Long userId, Long teamId, BigDecimal amount, long byUserId) {
        LocalDate first = month.atDay(1);
        String subject = userId != null ? "user_id = :subject" : "team_id = :subject";
        long subjectId = userId != null ? userId : teamId;
        if (amount == null) {
            jdbc.sql("DELETE FROM sales_target WHERE board = :board AND month = :month AND " + subject)
                    .param("board", board.name()).param("month", first).param("subject", subjectId).update();
            return;
        }
        int updated = jdbc.sql("UPDATE sales_target SET amount = :amount, set_by_id = :by, set_at = :now"
                + " WHERE board = :board AND month = :month AND " + subject)
                .param("amount", amount).param("by", byUserId).param("now", Timestamp.from(clock.instant()))
                .param("board", board.name()).param("month", first).param("subject", subjectId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO sales_target (user_id, team_id, board, month, amount, set_by_id, set_at)
                    VALUES (:user, :team, :board, :month, :amount, :by, :now)
                    ON CONFLICT DO NOTHING
                    """).param("user", userId).param("team", teamId).param("board", board.name())
                    .param("month", first).param("amount", amount).param("by", byUserId)
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }
}
