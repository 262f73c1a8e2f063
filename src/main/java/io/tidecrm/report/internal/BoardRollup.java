package io.tidecrm.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily and monthly rollups of the ledger, written set-based ({@code INSERT … SELECT …
 * GROUP BY}) for a range of days at once. Rewriting a day gives the same rows as before unless
 * the ledger changed, so a rerun changes nothing. Writers take one advisory lock, so that the
 * nightly run and a late fact never interleave.
 */
@Component
class BoardRollup {

    /** The advisory lock key of the rollup writers ("BOARDS" in ASCII). */
    private static final long LOCK = 0x424F41524453L;

    private final JdbcClient jdbc;
    private final Clock clock;

    BoardRollup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last day the rollup has written, or null before its first run. */
    LocalDate rolledThrough() {
        return jdbc.sql("SELECT max(business_date) FROM board_rollup_day").query(LocalDate.class).optional()
                .orElse(null);
    }

    /** The first day the ledger holds a fact for, or null when it is empty. */
    LocalDate firstFactDay() {
        return jdbc.sql("SELECT min(business_date) FROM board_fact").query(LocalDate.class).optional().orElse(null);
    }

    /**
     * Rewrites the daily rows of the days {@code from}…{@code to} (of one board, or of all when
     * {@code board} is null) from the ledger, then the monthly rows of the months they fall in,
     * and marks the days as rolled up.
     *
     * @return the number of daily rows written
     */
    @Transactional
    int roll(LocalDate from, LocalDate to, Board board) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
        String boardCondition = board == null ? "" : " AND board = :board";
        String name = board == null ? null : board.name();
        jdbc.sql("DELETE FROM board_daily WHERE business_date BETWEEN :from AND :to" + boardCondition)
                .param("from", from).param("to", to).param("board", name).update();
        int rows = jdbc.sql("""
                INSERT INTO board_daily (board, business_date, user_id, team_id, value, facts)
                SELECT board, business_date, user_id, coalesce(team_id, 0), sum(value), count(*)
                FROM board_fact
                WHERE business_date BETWEEN :from AND :to""" + boardCondition + """

                GROUP BY board, business_date, user_id, coalesce(team_id, 0)
                """).param("from", from).param("to", to).param("board", name).update();
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate afterLastMonth = to.withDayOfMonth(1).plusMonths(1);
        jdbc.sql("DELETE FROM board_monthly WHERE month >= :from AND month < :to" + boardCondition)
                .param("from", firstMonth).param("to", afterLastMonth).param("board", name).update();
        jdbc.sql("""
                INSERT INTO board_monthly (board, month, user_id, team_id, value, facts)
                SELECT board, date_trunc('month', business_date)::date, user_id, team_id, sum(value), sum(facts)
                FROM board_daily
                WHERE business_date >= :from AND business_date < :to""" + boardCondition + """

                GROUP BY board, date_trunc('month', business_date), user_id, team_id
                """).param("from", firstMonth).param("to", afterLastMonth).param("board", name).update();
        if (board == null) {
            jdbc.sql("""
                    INSERT INTO board_rollup_day (business_date, rolled_at)
                    SELECT d::date, :now FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d
                    ON CONFLICT (business_date) DO UPDATE SET rolled_at = excluded.rolled_at
                    """).param("from", from).param("to", to).param("now", Timestamp.from(clock.instant())).update();
        }
        return rows;
    }
}
