package io.tidecrm.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (tag "benchmark", excluded from {@code ./mvnw verify}): 200 reps in 10
 * teams with 36 months of history (about 5M ledger facts), rolled up by the nightly job's SQL;
 * then the leaderboard (the ranking the page shows, previous period included) for a closed month
 * and for a closed year, each against the raw SQL that sums the ledger for the same period. Run
 * with {@code ./mvnw test -Pbenchmark -Dtest=LeaderboardBenchmark}; figures go to
 * {@code target/benchmarks/leaderboard.txt}. Each figure is the median of the repetitions.
 */
@Tag("benchmark")
@IntegrationTest
class LeaderboardBenchmark {

    private static final int REPS = Integer.getInteger("bench.reps", 200);
    private static final int MONTHS = Integer.getInteger("bench.months", 36);
    /** Facts per rep and day: about 5M facts for 200 reps over 36 months. */
    private static final int FACTS_PER_DAY = Integer.getInteger("bench.facts-per-day", 23);
    private static final int RUNS = Integer.getInteger("bench.runs", 21);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BoardRollup rollup;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    MutableClock clock;

    @Autowired
    BoardFigures figures;

    @Autowired
    io.tidecrm.identity.UserManagement users;

    @Autowired
    Targets targets;

    @Test
    void aYearOfTheLeaderboardAgainstAMonth() throws IOException {
        StringBuilder report = new StringBuilder();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.withDayOfMonth(1).minusMonths(MONTHS);
        long started = System.nanoTime();
        generate(first, today.minusDays(1));
        long facts = jdbc.sql("SELECT count(*) FROM board_fact").query(Long.class).single();
        report.append(line("generated %,d ledger facts for %d reps over %d months in %.1f s", facts, REPS, MONTHS,
                seconds(started)));
        jdbc.sql("VACUUM ANALYZE board_fact").update();

        started = System.nanoTime();
        int rows = rollup.roll(first, today.minusDays(1), null);
        report.append(line("rollup of the whole history (set-based): %,d daily rows in %.1f s", rows, seconds(started)));
        started = System.nanoTime();
        rollup.roll(today.minusDays(1), today.minusDays(1), null);
        report.append(line("rollup of one day: %.0f ms", seconds(started) * 1000));
        jdbc.sql("VACUUM ANALYZE board_daily").update();
        jdbc.sql("VACUUM ANALYZE board_monthly").update();

        LocalDate lastYear = today.minusYears(1);
        Period month = Period.containing(Period.Kind.MONTH, lastYear);
        Period year = Period.containing(Period.Kind.YEAR, lastYear);
        double monthMs = median(() -> leaderboard.rank(Board.PAYMENTS, month, null, 0L));
        double yearMs = median(() -> leaderboard.rank(Board.PAYMENTS, year, null, 0L));
        double rawMonthMs = median(() -> raw(month));
        double rawYearMs = median(() -> raw(year));
        Period thisMonth = Period.containing(Period.Kind.MONTH, today);
        Period thisYear = Period.containing(Period.Kind.YEAR, today);
        double liveMonthMs = median(() -> leaderboard.rank(Board.PAYMENTS, thisMonth, null, 0L));
        double liveYearMs = median(() -> leaderboard.rank(Board.PAYMENTS, thisYear, null, 0L));

        report.append(line("leaderboard, closed month %s: %.2f ms (raw SQL on the ledger, one period: %.2f ms, ratio %.2f)",
                month.from().toString().substring(0, 7), monthMs, rawMonthMs, monthMs / rawMonthMs));
        report.append(line("leaderboard, closed year %d: %.2f ms (raw SQL on the ledger, one period: %.2f ms, ratio %.2f)",
                year.from().getYear(), yearMs, rawYearMs, yearMs / rawYearMs));
        report.append(line("year / month: %.2f (goal: at most 1.5)", yearMs / monthMs));
        report.append(line("this month (live today): %.2f ms; this year (live today): %.2f ms; year / month %.2f",
                liveMonthMs, liveYearMs, liveYearMs / liveMonthMs));
        report.append(line("(the leaderboard runs two periods, the asked one and the previous one, plus the users and targets)"));
        LocalDate rolled = rollup.rolledThrough();
        double figuresMonthMs = median(() -> figures.byUser(Board.PAYMENTS, month, null, rolled));
        double figuresYearMs = median(() -> figures.byUser(Board.PAYMENTS, year, null, rolled));
        report.append(line("figures statement alone: month %.2f ms, year %.2f ms", figuresMonthMs, figuresYearMs));
        report.append(line("enabled users alone: %.2f ms; targets alone: %.2f ms; last rolled day alone: %.2f ms",
                median(users::findEnabledUsers), median(() -> targets.ofUsers(Board.PAYMENTS, year.wholeMonths())),
                median(rollup::rolledThrough)));
        report.append(line("plan of the month:%n%s", explain(figures.statement(Board.PAYMENTS, month, null, rolled))));
        report.append(line("plan of the year:%n%s", explain(figures.statement(Board.PAYMENTS, year, null, rolled))));
        Path out = Path.of("target", "benchmarks", "leaderboard.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private String explain(BoardFigures.Statement statement) {
        return String.join(System.lineSeparator(), jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
                .params(statement.params()).query(String.class).list());
    }

    private Object raw(Period period) {
        return jdbc.sql("""
                SELECT user_id, sum(value) FROM board_fact
                WHERE board = 'PAYMENTS' AND business_date BETWEEN :from AND :to GROUP BY user_id
                """).param("from", period.from()).param("to", period.to()).query().listOfRows();
    }

    private void generate(LocalDate from, LocalDate to) {
        jdbc.sql("""
                INSERT INTO team (name, manager_id)
                SELECT 'bench-team-' || t, NULL FROM generate_series(1, 10) t
                """).update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, team_id, password_hash)
                SELECT 'bench-rep-' || r, '压测销售' || r, 'REP',
                       (SELECT id FROM team WHERE name = 'bench-team-' || (1 + r % 10)), 'x'
                FROM generate_series(1, :reps) r
                """).param("reps", REPS).update();
        // Per rep and day: 2 payments, 1 approval (amount and count), 2 new customers, 1 grab,
        // 12 follow-ups with 4 distinct customers, 1 opportunity created, 1 won ~ 23 facts.
        String[] boards = { "PAYMENTS", "PAYMENTS", "CONTRACT_AMOUNT", "CONTRACTS_APPROVED", "NEW_CUSTOMERS",
                "NEW_CUSTOMERS", "POOL_GRABBED", "OPPORTUNITIES_CREATED", "OPPORTUNITIES_WON", "CUSTOMERS_FOLLOWED",
                "CUSTOMERS_FOLLOWED", "CUSTOMERS_FOLLOWED", "CUSTOMERS_FOLLOWED" };
        List<String> all = new ArrayList<>(Arrays.asList(boards));
        while (all.size() < FACTS_PER_DAY) {
            all.add("FOLLOW_UPS");
        }
        for (LocalDate month = from; month.isBefore(to); month = month.plusMonths(1)) {
            LocalDate end = month.plusMonths(1).minusDays(1).isAfter(to) ? to : month.plusMonths(1).minusDays(1);
            jdbc.sql("""
                    INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind,
                                            record_id, label, source, occurred_at, recorded_at)
                    SELECT b.board, u.id, u.team_id, d::date,
                           CASE WHEN b.board IN ('PAYMENTS', 'CONTRACT_AMOUNT') THEN 1000 + (u.id * 37 + b.i * 11
                                + extract(doy FROM d)::int * 13) % 9000 ELSE 1 END,
                           1, 'customer', 1, NULL, 'bench:' || u.id || ':' || d::date || ':' || b.i,
                           d + interval '10 hours', d + interval '10 hours'
                    FROM app_user u
                    CROSS JOIN generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d
                    CROSS JOIN unnest(CAST(:boards AS text[])) WITH ORDINALITY AS b (board, i)
                    WHERE u.username LIKE 'bench-rep-%'
                    """).param("from", month).param("to", end).param("boards", all.toArray(String[]::new)).update();
        }
    }

    private static double median(Supplier<Object> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String line(String format, Object... args) {
        return String.format(format, args) + System.lineSeparator();
    }
}
