package io.tidecrm.pool.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (tag "benchmark", excluded from {@code ./mvnw verify}): reclaims 100k
 * of 1M customers with the job and with one raw SQL statement doing the same work, and
 * prints both times, the statements per batch and the heap after GC. Run it with
 * {@code ./mvnw test -Pbenchmark -Dtest=ReclaimBenchmark}. Figures go to
 * {@code target/benchmarks/reclaim.txt}.
 */
@Tag("benchmark")
@IntegrationTest
class ReclaimBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final int STALE = Integer.getInteger("bench.stale", 100_000);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PoolJobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate tx;

    @Test
    void reclaimOneHundredThousandOfOneMillion() throws IOException {
        StringBuilder report = new StringBuilder();
        Instant run = ZonedDateTime.now(ZONE).toLocalDate().minusDays(1).atTime(LocalTime.of(20, 0)).atZone(ZONE)
                .toInstant();
        long started = System.nanoTime();
        generate(run);
        report.append(line("generated %,d customers (%,d stale) in %.1f s", CUSTOMERS, STALE, seconds(started)));

        // Raw SQL: the same work (move, re-check, history) in one statement, rolled back.
        Instant cutoff = run.atZone(ZONE).minusDays(30).toInstant();
        started = System.nanoTime();
        long raw = tx.execute(status -> {
            long moved = jdbc.sql("""
                    WITH candidate AS (
                        SELECT id, owner_id FROM customer
                        WHERE type = 'C' AND owner_id IS NOT NULL AND status <> 'WON' AND clock_at < :cutoff FOR UPDATE
                    ), moved AS (
                        UPDATE customer c SET owner_id = NULL, pooled_at = :run, pool_reason = '#RECLAIMED',
                            next_follow_up_at = NULL, updated_at = :run, version = c.version + 1
                        FROM candidate WHERE c.id = candidate.id AND c.owner_id = candidate.owner_id
                          AND c.status <> 'WON' AND c.clock_at < :cutoff
                        RETURNING c.id, candidate.owner_id
                    ), history AS (
                        INSERT INTO customer_owner_history (customer_id, previous_owner_id, kind, changed_at)
                        SELECT id, owner_id, 'RECLAIMED', :run FROM moved
                    )
                    SELECT count(*) FROM moved
                    """).param("cutoff", Timestamp.from(cutoff)).param("run", Timestamp.from(run))
                    .query(Long.class).single();
            status.setRollbackOnly();
            return moved;
        });
        double rawSeconds = seconds(started);
        report.append(line("raw SQL, one statement: %,d customers in %.2f s", raw, rawSeconds));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        clock.setInstant(run.plusSeconds(1));
        started = System.nanoTime();
        PoolJobs.Outcome outcome = jobs.reclaim(run, false);
        double jobSeconds = seconds(started);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        // Idempotent: the same firing run again changes nothing (bench/run fails otherwise).
        PoolJobs.Outcome rerun = jobs.reclaim(run, false);
        clock.reset();
        report.append(line("job: %,d customers of %,d owners in %d batches of %,d in %.2f s (%.2f× raw)",
                outcome.affected(), outcome.owners(), outcome.batches(), jobs.batchSize(), jobSeconds,
                jobSeconds / rawSeconds));
        report.append(line("rerun: %,d customers changed", rerun.affected()));
        report.append(line("statements per batch: 2, whatever its size (lock+move+history in one CTE; one progress UPDATE); the former owners' notices once per run, after its commit (one INSERT for all owners)"));
        report.append(line("heap after GC: %,d KiB before, %,d KiB after the run", heapBefore / 1024, heapAfter / 1024));
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/reclaim.txt"), report);
    }

    private void generate(Instant run) {
        jdbc.sql("UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z'").update();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, password_hash)
                SELECT 'bench' || g, '压测' || g, 'REP', 'x' FROM generate_series(1, 200) g
                ON CONFLICT DO NOTHING
                """).update();
        long firstUser = jdbc.sql("SELECT min(id) FROM app_user WHERE username LIKE 'bench%'").query(Long.class).single();
        // Type C (30 days): the first STALE rows are 31+ days idle at the run, the rest fresh.
        jdbc.sql("""
                INSERT INTO customer (name, name_key, type, source, status, owner_id, clock_at, created_by_id,
                                      created_at, updated_at)
                SELECT '压测客户' || g, 'bench' || g, 'C', 'OTHER',
                       CASE WHEN g % 10 = 0 THEN 'INTENT' ELSE 'FIRST_VISIT' END,
                       :firstUser + (g % 200),
                       CASE WHEN g <= :stale THEN CAST(:run AS timestamptz) - interval '31 days' - (g % 1000) * interval '1 minute'
                            ELSE CAST(:run AS timestamptz) - (g % 20) * interval '1 day' END,
                       :firstUser, now(), now()
                FROM generate_series(1, :total) g
                """)
                .param("firstUser", firstUser)
                .param("stale", STALE)
                .param("total", CUSTOMERS)
                .param("run", Timestamp.from(run))
                .update();
        jdbc.sql("ANALYZE customer").update();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String line(String format, Object... args) {
        return String.format(format, args) + System.lineSeparator();
    }
}
