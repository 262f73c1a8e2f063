package io.tidecrm.pool.internal;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerPool;
import io.tidecrm.customer.CustomerPoolHistory;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.pool.PoolWarned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two nightly jobs. A firing stands for the latest scheduled time at or before it, so a
 * run recovered after a misfire reclaims exactly what the on-time run would have. Each run is
 * recorded once per job and scheduled time; a run that already finished is not repeated.
 * The reclaim works in bounded batches, each its own transaction: a crash loses nothing and
 * the next run carries on. Its former owners are told once per run, in the short transaction
 * that records the run as done.
 */
@Component
class PoolJobs {

    static final String RECLAIM = "RECLAIM";
    static final String WARNING = "WARNING";
    static final int DEFAULT_BATCH_SIZE = 5000;

    private static final Logger log = LoggerFactory.getLogger(PoolJobs.class);

    private final PoolRulesStore rules;
    private final CustomerPool pool;
    private final CustomerPoolHistory history;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String node;
    private final int batchSize;

    PoolJobs(PoolRulesStore rules, CustomerPool pool, CustomerPoolHistory history, UserManagement users, JdbcClient jdbc, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tidecrm.pool.batch-size:" + DEFAULT_BATCH_SIZE + "}")
            int batchSize) {
        this.batchSize = batchSize;
        this.rules = rules;
        this.pool = pool;
        this.history = history;
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.node = nodeName();
    }

    record Outcome(String status, int affected, int owners, int batches) {
    }

    int batchSize() {
        return batchSize;
    }

    /**
     * The reclaim run standing for the latest reclaim time at or before {@code firedAt}. Its
     * stamp (the scheduled time, or now for a run by hand) is its record's key and the time of
     * its owner history rows and pool entries, so that the run's totals can be counted again
     * after a crash.
     */
    Outcome reclaim(Instant firedAt, boolean manual) {
        PoolClock poolClock = rules.poolClock();
        Instant run = poolClock.latestAtOrBefore(firedAt, poolClock.rules().reclaimTime());
        Instant stamp = manual ? clock.instant() : run;
        Long runId = start(RECLAIM, stamp, manual);
        if (runId == null) {
            return new Outcome("ALREADY_DONE", 0, 0, 0);
        }
        if (!poolClock.rules().enabled()) {
            return finish(runId, new Outcome("POOL_OFF", 0, 0, 0), null);
        }
        int moved = 0;
        int batches = 0;
        Set<Long> owners = new HashSet<>();
        try {
            for (CustomerType type : CustomerType.values()) {
                Instant cutoff = poolClock.cutoff(run, type);
                if (!poolClock.rules().enabledAt().isBefore(cutoff)) {
                    continue; // the pool has not been on long enough for this type
                }
                while (true) {
                    Map<Long, Integer> batch = tx.execute(s -> pool.reclaimBatch(type, cutoff, stamp, batchSize));
                    batches++;
                    int count = batch.values().stream().mapToInt(Integer::intValue).sum();
                    if (count == 0) {
                        break;
                    }
                    moved += count;
                    owners.addAll(batch.keySet());
                    progress(runId, moved, owners.size(), batches);
                }
            }
        } catch (RuntimeException e) {
            finish(runId, new Outcome("FAILED", moved, owners.size(), batches), e.toString());
            throw e;
        }
        log.info("Pool reclaim as of {}: {} customers of {} owners in {} batches", run, moved, owners.size(), batches);
        Outcome done = new Outcome("DONE", moved, owners.size(), batches);
        // One notice per former owner for the whole run: published with the run's DONE, so that a
        // rerun (ALREADY_DONE) sends nothing and a crash before this point loses no count.
        tx.executeWithoutResult(s -> {
            recordFinish(runId, done, null);
            pool.announceReclaim(stamp);
        });
        return done;
    }

    /**
     * The warning run standing for the latest warning time at or before {@code firedAt}: one
     * digest per owner of the customers whose deadline is the reclaim run the warning lead
     * ahead, each customer once per deadline. A late firing that would land after that day's
     * reclaim is skipped.
     */
    Outcome warn(Instant firedAt, boolean manual) {
        PoolClock poolClock = rules.poolClock();
        PoolRules r = poolClock.rules();
        Instant run = poolClock.latestAtOrBefore(firedAt, r.warningTime());
        Long runId = start(WARNING, manual ? clock.instant() : run, manual);
        if (runId == null) {
            return new Outcome("ALREADY_DONE", 0, 0, 0);
        }
        if (!r.enabled()) {
            return finish(runId, new Outcome("POOL_OFF", 0, 0, 0), null);
        }
        if (!firedAt.isBefore(poolClock.reclaimRunOfDay(run))) {
            return finish(runId, new Outcome("SKIPPED_AFTER_RECLAIM", 0, 0, 0), null);
        }
        Instant deadline = poolClock.runOn(run.atZone(poolClock.zone()).toLocalDate().plusDays(r.warningLeadDays()))
                .toInstant();
        Instant now = clock.instant();
        Outcome outcome = tx.execute(s -> {
            Map<Long, List<PoolWarned.Customer>> byOwner = new LinkedHashMap<>();
            for (CustomerType type : CustomerType.values()) {
                Instant cut = poolClock.cutoff(deadline, type);
                Instant prev = poolClock.cutoff(deadline.atZone(poolClock.zone()).minusDays(1).toInstant(), type);
                if (!r.enabledAt().isBefore(cut)) {
                    continue;
                }
                // Deadline == this run: stale at it but not at the run a day earlier (clock floor applied).
                Instant from = r.enabledAt().isBefore(prev) ? prev : Instant.EPOCH;
                warn(history.ownedWithClockBetween(type, from, cut), deadline, now, byOwner);
            }
            byOwner.forEach((owner, customers) -> events.publishEvent(new PoolWarned(owner, List.copyOf(customers),
                    r.copyManagers() ? List.copyOf(users.managersOf(owner)) : List.of(), now)));
            int warned = byOwner.values().stream().mapToInt(List::size).sum();
            return new Outcome("DONE", warned, byOwner.size(), 1);
        });
        return finish(runId, outcome, null);
    }

    /**
     * Records the warning of these customers for this deadline, each at most once (the primary
     * key of {@code pool_warning} decides), and adds the newly warned ones to their owner's digest.
     */
    private void warn(List<CustomerPoolHistory.OwnedCustomer> candidates, Instant deadline, Instant now,
            Map<Long, List<PoolWarned.Customer>> byOwner) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, CustomerPoolHistory.OwnedCustomer> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.id(), c));
        List<Long> warned = jdbc.sql("""
                INSERT INTO pool_warning (customer_id, deadline, owner_id, warned_at)
                SELECT t.customer_id, :deadline, t.owner_id, :now
                FROM unnest(CAST(:customers AS bigint[]), CAST(:owners AS bigint[])) AS t(customer_id, owner_id)
                ON CONFLICT (customer_id, deadline) DO NOTHING
                RETURNING customer_id
                """)
                .param("deadline", Timestamp.from(deadline))
                .param("now", Timestamp.from(now))
                .param("customers", candidates.stream().map(CustomerPoolHistory.OwnedCustomer::id).toArray(Long[]::new))
                .param("owners", candidates.stream().map(CustomerPoolHistory.OwnedCustomer::ownerId).toArray(Long[]::new))
                .query(Long.class)
                .list();
        warned.stream().map(byId::get)
                .sorted(Comparator.comparingLong(CustomerPoolHistory.OwnedCustomer::ownerId)
                        .thenComparing(CustomerPoolHistory.OwnedCustomer::name))
                .forEach(c -> byOwner.computeIfAbsent(c.ownerId(), k -> new ArrayList<>())
                        .add(new PoolWarned.Customer(c.id(), c.name(), deadline)));
    }

    /** Records the start of a run; null when this job already finished for this time. */
    private Long start(String job, Instant scheduledAt, boolean manual) {
        return tx.execute(s -> jdbc.sql("""
                INSERT INTO pool_job_run (job, scheduled_at, started_at, status, manual, node)
                VALUES (:job, :scheduled, :now, 'RUNNING', :manual, :node)
                ON CONFLICT (job, scheduled_at) DO UPDATE
                    SET started_at = EXCLUDED.started_at, status = 'RUNNING', node = EXCLUDED.node
                    WHERE pool_job_run.status NOT IN ('DONE', 'POOL_OFF', 'SKIPPED_AFTER_RECLAIM')
                RETURNING id
                """)
                .param("job", job)
                .param("scheduled", Timestamp.from(scheduledAt))
                .param("now", Timestamp.from(clock.instant()))
                .param("manual", manual)
                .param("node", node)
                .query(Long.class)
                .optional()
                .orElse(null));
    }

    private void progress(long runId, int affected, int owners, int batches) {
        jdbc.sql("UPDATE pool_job_run SET affected = ?, owners = ?, batches = ? WHERE id = ?")
                .params(affected, owners, batches, runId).update();
    }

    private Outcome finish(long runId, Outcome outcome, String message) {
        tx.executeWithoutResult(s -> recordFinish(runId, outcome, message));
        return outcome;
    }

    private void recordFinish(long runId, Outcome outcome, String message) {
        jdbc.sql("""
                UPDATE pool_job_run SET finished_at = ?, status = ?, affected = ?, owners = ?, batches = ?, message = ?
                WHERE id = ?
                """)
                .params(Timestamp.from(clock.instant()), outcome.status(), outcome.affected(), outcome.owners(),
                        outcome.batches(), message == null ? null : message.substring(0, Math.min(1000, message.length())),
                        runId)
                .update();
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }
}
