package io.tidecrm.pool.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.pool.PoolDemoData;
import io.tidecrm.support.RowArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pool's demo data (development only): the pool counts as switched on since the start of
 * the demo's history, and the warnings and run records are those the jobs would have written
 * for the demo customers, computed with the jobs' own deadline function ({@link PoolClock}).
 */
@Component
@Profile("!prod")
@Transactional(propagation = Propagation.MANDATORY)
class PoolDemoSeeder implements PoolDemoData {

    private static final Logger log = LoggerFactory.getLogger(PoolDemoSeeder.class);

    private final PoolRulesStore rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    PoolDemoSeeder(PoolRulesStore rules, JdbcClient jdbc, Clock clock) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public DemoCustomers.PoolTerms prepare(Instant historyStart) {
        int moved = jdbc.sql("""
                UPDATE pool_rules SET enabled_at = :start, version = version + 1
                WHERE id = 1 AND enabled AND enabled_at > :start
                """)
                .param("start", Timestamp.from(historyStart))
                .update();
        if (moved > 0) {
            log.info("Demo data: the pool counts as switched on since {}", historyStart);
        }
        PoolRules r = rules.rules();
        Map<CustomerType, Integer> staleDays = new EnumMap<>(CustomerType.class);
        for (CustomerType type : CustomerType.values()) {
            staleDays.put(type, r.staleDays(type));
        }
        return new DemoCustomers.PoolTerms(Map.copyOf(staleDays), r.reclaimTime());
    }

    private record Warning(long customerId, String name, Instant deadline, long ownerId, Instant warnedAt) {
    }

    @Override
    public List<WarningDigest> recordHistory(List<DemoCustomers.Customer> customers) {
        PoolClock pool = rules.poolClock();
        PoolRules r = pool.rules();
        Instant now = clock.instant();
        List<Warning> warnings = new ArrayList<>();
        List<Instant> reclaims = new ArrayList<>();
        Map<Instant, Set<CustomerType>> reclaimedTypes = new LinkedHashMap<>();
        Map<Instant, Set<Long>> reclaimedOwners = new LinkedHashMap<>();
        for (DemoCustomers.Customer c : customers) {
            if (c.ownerId() != null) {
                Instant deadline = pool.deadline(c.type(), c.status(), c.ownerId(), c.clockAt());
                if (deadline != null) {
                    warnings.add(new Warning(c.id(), c.name(), deadline, c.ownerId(), warningRun(pool, deadline)));
                }
            }
            for (DemoCustomers.OwnerChange change : c.history()) {
                if (change.kind() == OwnerChangeKind.RECLAIMED) {
                    reclaims.add(change.at());
                    reclaimedTypes.computeIfAbsent(change.at(), k -> new HashSet<>()).add(c.type());
                    reclaimedOwners.computeIfAbsent(change.at(), k -> new HashSet<>()).add(change.previousOwnerId());
                    warnings.add(new Warning(c.id(), c.name(), change.at(), change.previousOwnerId(),
                            warningRun(pool, change.at())));
                }
            }
        }
        // Only the warning runs that have happened, since the pool was on.
        warnings.removeIf(w -> w.warnedAt().isAfter(now) || w.warnedAt().isBefore(r.enabledAt()));
        RowArrays rows = new RowArrays("customer_id", "deadline", "owner_id", "warned_at");
        warnings.forEach(w -> rows.add(w.customerId(), w.deadline(), w.ownerId(), w.warnedAt()));
        if (!rows.isEmpty()) {
            rows.bind(jdbc.sql("""
                    INSERT INTO pool_warning (customer_id, deadline, owner_id, warned_at)
                    SELECT * FROM unnest(CAST(:customer_id AS bigint[]), CAST(:deadline AS timestamptz[]),
                                         CAST(:owner_id AS bigint[]), CAST(:warned_at AS timestamptz[]))
                    ON CONFLICT (customer_id, deadline) DO NOTHING
                    """)).update();
        }
        int runs = recordRuns(pool, now, warnings, reclaims, reclaimedTypes, reclaimedOwners);
        Map<List<Object>, List<Warning>> byDigest = new LinkedHashMap<>();
        warnings.stream().sorted(Comparator.comparing(Warning::warnedAt).thenComparing(Warning::name))
                .forEach(w -> byDigest.computeIfAbsent(List.of(w.ownerId(), w.warnedAt()), k -> new ArrayList<>())
                        .add(w));
        List<WarningDigest> digests = byDigest.values().stream().map(ws -> new WarningDigest(ws.get(0).ownerId(),
                ws.get(0).warnedAt(), ws.get(0).deadline(), ws.stream().map(Warning::customerId).toList(),
                ws.stream().map(Warning::name).toList())).toList();
        log.info("Demo data: {} pool warnings in {} digests, {} job runs", warnings.size(), digests.size(), runs);
        return digests;
    }

    /** The 12:00 run that warns of a deadline: the warning lead before the deadline's day. */
    private static Instant warningRun(PoolClock pool, Instant deadline) {
        LocalDate day = deadline.atZone(pool.zone()).toLocalDate().minusDays(pool.rules().warningLeadDays());
        return day.atTime(pool.rules().warningTime()).atZone(pool.zone()).toInstant();
    }

    /** A finished run record for every scheduled time since the pool was on, with what it moved or warned. */
    private int recordRuns(PoolClock pool, Instant now, List<Warning> warnings, List<Instant> reclaims,
            Map<Instant, Set<CustomerType>> reclaimedTypes, Map<Instant, Set<Long>> reclaimedOwners) {
        RowArrays rows = new RowArrays("job", "scheduled_at", "affected", "owners", "batches");
        LocalDate first = pool.rules().enabledAt().atZone(pool.zone()).toLocalDate();
        LocalDate today = now.atZone(pool.zone()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Instant warning = day.atTime(pool.rules().warningTime()).atZone(pool.zone()).toInstant();
            if (!warning.isAfter(now) && !warning.isBefore(pool.rules().enabledAt())) {
                List<Warning> sent = warnings.stream().filter(w -> w.warnedAt().equals(warning)).toList();
                rows.add(PoolJobs.WARNING, warning, sent.size(),
                        sent.stream().map(Warning::ownerId).distinct().count(), 1);
            }
            Instant reclaim = pool.runOn(day).toInstant();
            if (!reclaim.isAfter(now) && !reclaim.isBefore(pool.rules().enabledAt())) {
                long moved = reclaims.stream().filter(reclaim::equals).count();
                // One batch per type, and one more for each type that had customers to move.
                rows.add(PoolJobs.RECLAIM, reclaim, moved, reclaimedOwners.getOrDefault(reclaim, Set.of()).size(),
                        CustomerType.values().length + reclaimedTypes.getOrDefault(reclaim, Set.of()).size());
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        return rows.bind(jdbc.sql("""
                INSERT INTO pool_job_run (job, scheduled_at, started_at, finished_at, status, affected, owners, batches,
                                          manual, node)
                SELECT job, scheduled_at, scheduled_at, scheduled_at + interval '2 seconds', 'DONE', affected, owners,
                       batches, false, 'demo-data'
                FROM unnest(CAST(:job AS text[]), CAST(:scheduled_at AS timestamptz[]), CAST(:affected AS integer[]),
                            CAST(:owners AS integer[]), CAST(:batches AS integer[]))
                    AS r(job, scheduled_at, affected, owners, batches)
                ON CONFLICT (job, scheduled_at) DO NOTHING
                """)).update();
    }
}
