package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tidecrm.customer.CustomerPool;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.ReliabilityFigures;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that dies in the middle of the 20:00 reclaim: the batches it committed stay, its run
 * record stays "RUNNING", and the recovered run for the same 20:00 finishes the work without
 * reclaiming anything twice or losing anything.
 */
@IntegrationTest
class ReclaimFaultIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    PoolJobs jobs;

    @Autowired
    CustomerPool pool;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Deliveries deliveries;

    @Test
    void aRunKilledBetweenBatchesIsFinishedByTheRecoveredRunWithNothingTwiceOrLost() {
        fixtures.jdbc().sql("UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z'").update();
        Instant run = ZonedDateTime.now(ZONE).toLocalDate().minusDays(2000).atTime(LocalTime.of(20, 0)).atZone(ZONE)
                .toInstant();
        CurrentUser owner = users.newUser("fault", Role.REP, "rep1");
        List<Long> stale = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = fixtures.insert(CustomerFixtures.uniqueName("中断"), "C", "INTENT", owner.id());
            fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                    .params(Timestamp.from(run.atZone(ZONE).minusDays(31).plusMinutes(i).toInstant()), id).update();
            stale.add(id);
        }
        // The dying node: its run record says RUNNING and it committed one batch of 5 before it stopped.
        fixtures.jdbc().sql("""
                INSERT INTO pool_job_run (job, scheduled_at, started_at, status, node) VALUES ('RECLAIM', ?, ?, 'RUNNING', 'dead-node')
                """).params(Timestamp.from(run), Timestamp.from(run)).update();
        tx.execute(s -> pool.reclaimBatch(CustomerType.C, run.atZone(ZONE).minusDays(30).toInstant(), run, 5));
        assertThat(inPool(stale)).isEqualTo(5);

        // The server is back at 20:30: the misfired trigger fires once, standing for 20:00.
        Instant back = run.plusSeconds(30 * 60);
        clock.setInstant(back);
        PoolJobs.Outcome recovered = jobs.reclaim(back, false);
        assertThat(recovered.status()).isEqualTo("DONE");
        assertThat(inPool(stale)).isEqualTo(12);
        for (long id : stale) {
            assertThat(fixtures.jdbc().sql("SELECT count(*) FROM customer_owner_history WHERE customer_id = ? AND kind = 'RECLAIMED'")
                    .param(id).query(Long.class).single()).as("one history row for " + id).isEqualTo(1);
        }
        assertThat(fixtures.jdbc().sql("SELECT status FROM pool_job_run WHERE job = 'RECLAIM' AND scheduled_at = ?")
                .param(Timestamp.from(run)).query(String.class).list()).containsExactly("DONE");
        // The owner is told once, of all 12: the batch of the dead node is counted from the history.
        deliveries.awaitAll();
        assertThat(reclaimNotices(owner.id())).containsExactly("[\"12\"]");
        // And once more: nothing changes, and nobody is told again.
        assertThat(jobs.reclaim(back, false).status()).isEqualTo("ALREADY_DONE");
        deliveries.awaitAll();
        assertThat(reclaimNotices(owner.id())).hasSize(1);
        ReliabilityFigures.record("faults.txt", "fault: node killed mid-reclaim (5 of 12 stale customers committed), server back at 20:30"
                + " → recovered run finished 12 of 12 customers, 0 reclaimed twice, one notice of 12, rerun changed nothing");
    }

    private List<String> reclaimNotices(long userId) {
        return fixtures.jdbc().sql("SELECT message_args FROM notification WHERE recipient_id = ? AND kind = 'POOL_RECLAIMED'")
                .param(userId).query(String.class).list();
    }

    private long inPool(List<Long> ids) {
        return ids.stream().filter(id -> fixtures.jdbc().sql("SELECT owner_id IS NULL FROM customer WHERE id = ?")
                .param(id).query(Boolean.class).single()).count();
    }
}
