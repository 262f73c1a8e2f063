package io.tidecrm.integration.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Benchmark, not a test (tag "benchmark", excluded from {@code ./mvnw verify}): imports a CSV of
 * 10,000 rows (customers of 100 reps and of the pool, a second contact for every fifth customer)
 * through the dry run and the run, as the background job does, and prints the times and the heap:
 * used heap after a full collection before and after, and the highest used heap sampled every
 * 200 ms, and the statements of each phase by kind with the database's time for them (the run's
 * with those of its after-commit listeners). Run it with {@code ./mvnw test -Pbenchmark -Dtest=ImportBenchmark}
 * ({@code -Dbench.rows=…} for another size). Figures go to {@code target/benchmarks/import.txt}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(ImportBenchmark.StatementProfile.class)
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 10_000);

    @Autowired
    ImportService imports;
    @Autowired
    ImportRunner runner;
    @Autowired
    ImportStore store;
    @Autowired
    TestUsers users;
    @Autowired
    StatementProfile statements;
    @Autowired
    Deliveries deliveries;

    @Test
    void importTenThousandRows() throws IOException {
        CurrentUser admin = users.principal("admin");
        List<String> reps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reps.add(users.newUser("bench", Role.REP, "rep1").getUsername());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(ImportTestFiles.HEADERS);
        String prefix = "基准" + System.nanoTime();
        int customer = 0;
        while (rows.size() <= ROWS) {
            customer++;
            String name = prefix + "科技" + customer + "有限公司";
            String owner = customer % 10 == 0 ? "" : reps.get(customer % reps.size());
            rows.add(ImportTestFiles.row(name, "", "C", owner, "联系人" + customer, "139" + String.format("%08d", customer)));
            if (customer % 5 == 0 && rows.size() <= ROWS) {
                rows.add(ImportTestFiles.row(name, "", "C", owner, "第二联系人" + customer, ""));
            }
        }
        byte[] file = ImportTestFiles.csv(StandardCharsets.UTF_8, rows);

        StringBuilder report = new StringBuilder();
        long heapBefore = ExportIntegrationTests.usedAfterGc();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            Runtime r = Runtime.getRuntime();
            peak.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
        }, 0, 200, TimeUnit.MILLISECONDS);
        try {
            long started = System.nanoTime();
            long id = imports.upload("bench.csv", file, Locale.SIMPLIFIED_CHINESE, admin);
            report.append(line("uploaded %,d rows (%,d KB) in %.1f s", ROWS, file.length >> 10, seconds(started)));
            started = System.nanoTime();
            ImportJob job = store.find(id).orElseThrow();
            imports.check(id, imports.mappingOf(job, admin), CustomerImport.Mode.CREATE_ONLY, admin);
            statements.start();
            runner.execute(id);
            job = store.find(id).orElseThrow();
            report.append(line("dry run: %.1f s (created %,d, failed %,d)", seconds(started), job.created(), job.failed()));
            report.append(statements.stop());
            started = System.nanoTime();
            imports.run(id, admin);
            statements.start();
            runner.execute(id);
            job = store.find(id).orElseThrow();
            report.append(line("run: %.1f s (created %,d, updated %,d, skipped %,d, failed %,d)", seconds(started),
                    job.created(), job.updated(), job.skipped(), job.failed()));
            started = System.nanoTime();
            deliveries.awaitAll();
            report.append(line("the run's after-commit listeners finished %.1f s after it", seconds(started)));
            report.append(statements.stop());
        } finally {
            sampler.shutdownNow();
        }
        long heapAfter = ExportIntegrationTests.usedAfterGc();
        report.append(line("heap after GC: %d MB before, %d MB after; highest sample %d MB; max heap %d MB",
                heapBefore >> 20, heapAfter >> 20, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20));
        System.out.print(report);
        Path out = Path.of("target/benchmarks/import.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /**
     * Counts the statements of every thread (the job's and the after-commit listeners') by their
     * first words, with the time the database took for them, between {@link #start()} and
     * {@link #stop()}: where a phase's time goes.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class StatementProfile implements BeanPostProcessor {

        private final Map<String, long[]> byStatement = new ConcurrentHashMap<>();
        private volatile boolean recording;

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                return ProxyDataSourceBuilder.create(dataSource).name("import-benchmark")
                        .afterQuery((execution, queries) -> {
                            if (recording) {
                                String sql = queries.get(0).getQuery().strip().replaceAll("\\s+", " ");
                                long[] figures = byStatement.computeIfAbsent(sql.substring(0, Math.min(70, sql.length())),
                                        k -> new long[2]);
                                synchronized (figures) {
                                    figures[0] += Math.max(1, execution.getBatchSize());
                                    figures[1] += execution.getElapsedTime();
                                }
                            }
                        }).build();
            }
            return bean;
        }

        void start() {
            byStatement.clear();
            recording = true;
        }

        /** The statements since {@link #start()}, most time first. */
        String stop() {
            recording = false;
            long count = byStatement.values().stream().mapToLong(f -> f[0]).sum();
            long millis = byStatement.values().stream().mapToLong(f -> f[1]).sum();
            StringBuilder text = new StringBuilder(line("  %,d statements, %,d ms in the database:", count, millis));
            byStatement.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(15)
                    .forEach(e -> text.append(line("  %,8d %,7d ms  %s", e.getValue()[0], e.getValue()[1], e.getKey())));
            return text.toString();
        }
    }

    private static String line(String format, Object... args) {
        return String.format(format, args) + System.lineSeparator();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
