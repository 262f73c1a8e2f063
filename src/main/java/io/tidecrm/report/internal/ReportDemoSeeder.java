package io.tidecrm.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import io.tidecrm.report.ReportDemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ReportDemoSeeder implements ReportDemoData {

    private final LedgerRebuild rebuild;
    private final BoardRollup rollup;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportDemoSeeder(LedgerRebuild rebuild, BoardRollup rollup, JdbcClient jdbc, Clock clock) {
        this.rebuild = rebuild;
        this.rollup = rollup;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void seed(LocalDate from) {
        LocalDate today = LocalDate.now(clock);
        rebuild.rebuild(from, today, true);
        rollup.roll(from, today.minusDays(1), null);
        // Targets a little above what each rep brought in over the last 30 days (at least ¥20,000
        // of payments and ¥30,000 of contracts), rounded to thousands; a team's is its reps' sum.
        for (LocalDate month : new LocalDate[] { today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1) }) {
            jdbc.sql("""
                    INSERT INTO sales_target (user_id, board, month, amount, set_by_id, set_at)
                    SELECT u.user_id, b.board, :month,
                           greatest(b.floor, ceil(coalesce(sum(f.value), 0) * 1.2 / 1000) * 1000), u.user_id, :now
                    FROM (SELECT DISTINCT user_id FROM board_fact) u
                    CROSS JOIN (VALUES ('PAYMENTS', 20000), ('CONTRACT_AMOUNT', 30000)) AS b (board, floor)
                    LEFT JOIN board_fact f ON f.user_id = u.user_id AND f.board = b.board
                         AND f.business_date > :since
                    GROUP BY u.user_id, b.board, b.floor
                    ON CONFLICT DO NOTHING
                    """).param("month", month).param("since", today.minusDays(30))
                    .param("now", Timestamp.from(clock.instant())).update();
            jdbc.sql("""
                    INSERT INTO sales_target (team_id, board, month, amount, set_by_id, set_at)
                    SELECT f.team_id, t.board, :month, sum(t.amount), min(t.set_by_id), :now
                    FROM sales_target t
                    JOIN (SELECT DISTINCT user_id, team_id FROM board_fact WHERE team_id IS NOT NULL) f
                         ON f.user_id = t.user_id
                    WHERE t.month = :month
                    GROUP BY f.team_id, t.board
                    ON CONFLICT DO NOTHING
                    """).param("month", month).param("now", Timestamp.from(clock.instant())).update();
        }
    }
}
