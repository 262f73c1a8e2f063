package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tidecrm.customer.CustomerPool;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.ReliabilityFigures;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly jobs against the one deadline function, with a movable clock. Customers get
 * clocks in the past relative to the latest 20:00, so that other tests' fresh customers are
 * never stale.
 */
@IntegrationTest
class PoolJobIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final java.util.concurrent.atomic.AtomicInteger EVENINGS_BACK =
            new java.util.concurrent.atomic.AtomicInteger(5);

    @Autowired
    PoolJobs jobs;

    @Autowired
    PoolRulesStore rules;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CustomerPool pool;

    @Autowired
    io.tidecrm.customer.CustomerPoolHistory history;

    @Autowired
    UserManagement userManagement;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    /** The latest 20:00 at least a minute ago, and a day in the past so that reruns by other tests cannot collide. */
    Instant run;
    CurrentUser owner;

    @BeforeEach
    void atTheLatestReclaimRun() {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        ZonedDateTime today20 = now.toLocalDate().atTime(LocalTime.of(20, 0)).atZone(ZONE);
        // Each test its own past evening, so the run records (one per job and time) never collide.
        run = (today20.isAfter(now.minusMinutes(1)) ? today20.minusDays(1) : today20)
                .minusDays(EVENINGS_BACK.getAndAdd(3)).toInstant();
        owner = users.newUser("pool-owner", Role.REP, "rep1");
        // The pool has been on for long: no clock is floored at the moment it was switched on.
        fixtures.jdbc().sql("UPDATE pool_rules SET enabled_at = '2000-01-01T00:00:00Z'").update();
    }

    @Test
    void deadlineWarningAndReclaimAgreeAtTheEdges() throws Exception {
        Instant tenDaysBefore = run.atZone(ZONE).minusDays(10).toInstant();
        Map<String, Long> customers = new LinkedHashMap<>();
        customers.put("exactly N days", customer("A", "INTENT", tenDaysBefore));
        customers.put("N days and a minute", customer("A", "INTENT", tenDaysBefore.minusSeconds(60)));
        customers.put("follow-up at 19:59", customer("A", "INTENT", tenDaysBefore.minusSeconds(60)));
        customers.put("follow-up at 20:01", customer("A", "INTENT", tenDaysBefore.plusSeconds(60)));
        customers.put("23:59 the day before", customer("A", "INTENT",
                tenDaysBefore.atZone(ZONE).toLocalDate().minusDays(1).atTime(23, 59).atZone(ZONE).toInstant()));
        customers.put("00:00 of the day", customer("A", "INTENT",
                tenDaysBefore.atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant()));
        customers.put("B at 20 days", customer("B", "INTENT", run.atZone(ZONE).minusDays(20).toInstant()));
        customers.put("C at 30 days and a minute", customer("C", "QUOTED",
                run.atZone(ZONE).minusDays(30).minusMinutes(1).toInstant()));
        customers.put("won, long ago", customer("A", "WON", run.atZone(ZONE).minusDays(100).toInstant()));

        PoolClock poolClock = rules.poolClock();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        customers.forEach((label, id) -> deadlines.put(label, poolClock.deadline(type(id), status(id), owner.id(),
                clockOf(id))));
        assertThat(deadlines.get("exactly N days")).isEqualTo(run.atZone(ZONE).plusDays(1).toInstant());
        assertThat(deadlines.get("N days and a minute")).isEqualTo(run);
        assertThat(deadlines.get("follow-up at 19:59")).isEqualTo(run);
        assertThat(deadlines.get("follow-up at 20:01")).isEqualTo(run.atZone(ZONE).plusDays(1).toInstant());
        assertThat(deadlines.get("23:59 the day before")).isEqualTo(run);
        assertThat(deadlines.get("00:00 of the day")).isEqualTo(run);
        assertThat(deadlines.get("B at 20 days")).isEqualTo(run.atZone(ZONE).plusDays(1).toInstant());
        assertThat(deadlines.get("C at 30 days and a minute")).isEqualTo(run);
        assertThat(deadlines.get("won, long ago")).isNull();

        // The warning run three days before each deadline warns exactly the customers due then.
        Instant warningForTomorrow = run.atZone(ZONE).plusDays(1).minusDays(3).toLocalDate().atTime(12, 0)
                .atZone(ZONE).toInstant();
        clock.setInstant(warningForTomorrow.plusSeconds(5));
        assertThat(jobs.warn(warningForTomorrow, false).status()).isEqualTo("DONE");
        customers.forEach((label, id) -> assertThat(warned(id))
                .as("warned 3 days before " + label)
                .isEqualTo(deadlines.get(label) != null
                        && deadlines.get(label).equals(run.atZone(ZONE).plusDays(1).toInstant())));

        // The reclaim run at 20:00 takes exactly those whose deadline has come.
        clock.setInstant(run.plusSeconds(30));
        PoolJobs.Outcome outcome = jobs.reclaim(run, false);
        assertThat(outcome.status()).isEqualTo("DONE");
        customers.forEach((label, id) -> assertThat(inPool(id)).as("reclaimed: " + label)
                .isEqualTo(deadlines.get(label) != null && !deadlines.get(label).isAfter(run)));

        // The customer list shows the same deadline: "1 天后进入公海" for tomorrow's.
        String list = mvc.perform(get("/customers").with(users.as(owner.getUsername()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("1 天后进入公海");
    }

    @Test
    void aRerunChangesNothingAndALateFiringUsesTheScheduledCutoff() {
        Instant tenDaysBefore = run.atZone(ZONE).minusDays(10).toInstant();
        long stale = customer("A", "INTENT", tenDaysBefore.minusSeconds(3600));
        // Followed up at 20:10 ten days before: not stale at 20:00, but would be at 20:30 minus ten days.
        long fresh = customer("A", "INTENT", tenDaysBefore.plus(Duration.ofMinutes(10)));
        Instant lateFiring = run.plus(Duration.ofMinutes(30));
        clock.setInstant(lateFiring);
        PoolJobs.Outcome first = jobs.reclaim(lateFiring, false);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(inPool(stale)).isTrue();
        assertThat(inPool(fresh)).as("cutoff from 20:00, not from 20:30").isFalse();
        long historyRows = count("SELECT count(*) FROM customer_owner_history WHERE customer_id = ?", stale);

        PoolJobs.Outcome again = jobs.reclaim(run, false);
        assertThat(again.status()).isEqualTo("ALREADY_DONE");
        PoolJobs.Outcome manual = jobs.reclaim(lateFiring, true);
        assertThat(manual.affected()).isZero();
        assertThat(count("SELECT count(*) FROM customer_owner_history WHERE customer_id = ?", stale))
                .isEqualTo(historyRows);
        assertThat(count("SELECT count(*) FROM pool_job_run WHERE job = 'RECLAIM' AND scheduled_at = ?",
                Timestamp.from(run))).isEqualTo(1);
        // The former owner is told, once for the run, and the owner history says why.
        deliveries.awaitAll();
        assertThat(count("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'POOL_RECLAIMED'",
                owner.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM customer_owner_history WHERE customer_id = ? AND kind = 'RECLAIMED'"
                + " AND previous_owner_id = " + owner.id(), stale)).isEqualTo(1);
    }

    @Test
    void aFollowUpCommittedWhileTheJobRunsKeepsItsCustomer() throws Exception {
        long racing = customer("B", "INTENT", run.atZone(ZONE).minusDays(25).toInstant());
        clock.setInstant(run.plusSeconds(10));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // A follow-up transaction holds the customer's row and moves its clock to "now".
        Future<?> followUp = threads.submit(() -> tx.executeWithoutResult(s -> {
            fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                    .params(Timestamp.from(run.plusSeconds(5)), racing).update();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        locked.await(30, TimeUnit.SECONDS);
        Future<PoolJobs.Outcome> reclaim = threads.submit(() -> jobs.reclaim(run, false));
        Thread.sleep(500); // the job reaches the locked row and waits for it
        release.countDown();
        followUp.get(30, TimeUnit.SECONDS);
        assertThat(reclaim.get(60, TimeUnit.SECONDS).status()).isEqualTo("DONE");
        threads.shutdown();
        assertThat(inPool(racing)).as("the job re-checks the clock on the locked row").isFalse();
        ReliabilityFigures.record("faults.txt", "fault: a follow-up committed while the reclaim waited on its row"
                + " → customer kept (clock re-checked on the locked row)");
    }

    @Test
    void switchingThePoolOnStartsEveryClockNoEarlierThanThatMoment() {
        long idleForMonths = customer("A", "INTENT", run.atZone(ZONE).minusDays(120).toInstant());
        Instant switchedOn = run.atZone(ZONE).minusDays(5).toInstant();
        fixtures.jdbc().sql("UPDATE pool_rules SET enabled_at = ?").param(Timestamp.from(switchedOn)).update();
        PoolClock poolClock = rules.poolClock();
        assertThat(poolClock.deadline(CustomerType.A, CustomerStatus.INTENT, owner.id(), clockOf(idleForMonths)))
                .as("more than 10 days after 20:00 is the 20:00 a day later")
                .isEqualTo(switchedOn.atZone(ZONE).plusDays(11).toInstant());
        clock.setInstant(run.plusSeconds(1));
        jobs.reclaim(run, false);
        assertThat(inPool(idleForMonths)).isFalse();
    }

    @Test
    void wonCustomersAreNeverReclaimedNorWarned() {
        long won = customer("C", "WON", run.atZone(ZONE).minusYears(3).toInstant());
        clock.setInstant(run.plusSeconds(1));
        jobs.reclaim(run, false);
        assertThat(inPool(won)).isFalse();
        assertThat(warned(won)).isFalse();
    }

    @Test
    void aWarningRunRecoveredAfterThatDaysReclaimIsSkipped() {
        Instant warning = run.atZone(ZONE).toLocalDate().atTime(12, 0).atZone(ZONE).toInstant();
        Instant lateFiring = run.plus(Duration.ofMinutes(5));
        clock.setInstant(lateFiring);
        assertThat(jobs.warn(lateFiring, false).status()).isEqualTo("SKIPPED_AFTER_RECLAIM");
        assertThat(count("SELECT count(*) FROM pool_job_run WHERE job = 'WARNING' AND scheduled_at = ?",
                Timestamp.from(warning))).isEqualTo(1);
    }

    @Test
    void eachCustomerIsWarnedOncePerDeadlineInOneDigestPerOwner() {
        Instant deadline = run.atZone(ZONE).plusDays(3).toInstant();
        long first = customer("A", "INTENT", deadline.atZone(ZONE).minusDays(10).minusMinutes(5).toInstant());
        long second = customer("C", "INTENT", deadline.atZone(ZONE).minusDays(30).minusMinutes(5).toInstant());
        Instant warning = run.atZone(ZONE).toLocalDate().atTime(12, 0).atZone(ZONE).toInstant();
        clock.setInstant(warning.plusSeconds(1));
        jobs.warn(warning, false);
        jobs.warn(warning, true);
        assertThat(warned(first)).isTrue();
        assertThat(warned(second)).isTrue();
        assertThat(count("SELECT count(*) FROM pool_warning WHERE customer_id IN (" + first + "," + second + ")"
                + " AND owner_id = ?", owner.id())).isEqualTo(2);
        deliveries.awaitAll();
        assertThat(count("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'POOL_WARNING'",
                owner.id())).isEqualTo(1);
    }

    @Test
    void aReclaimOfThreeBatchesForTwoOwnersTellsEachOwnerOnce() {
        CurrentUser second = users.newUser("pool-owner-b", Role.REP, "rep2");
        Instant stale = run.atZone(ZONE).minusDays(31).toInstant();
        for (int i = 0; i < 3; i++) {
            customer(owner.id(), "C", stale.minusSeconds(60L * i));
        }
        for (int i = 0; i < 2; i++) {
            customer(second.id(), "C", stale.minusSeconds(60L * i + 30));
        }
        // The same job with batches of 2: the 5 customers take 3 batches (more if older ones are left).
        PoolJobs smallBatches = new PoolJobs(rules, pool, history, userManagement, jdbc, tx, events, clock, 2);
        clock.setInstant(run.plusSeconds(1));

        PoolJobs.Outcome outcome = smallBatches.reclaim(run, false);
        assertThat(outcome.status()).isEqualTo("DONE");
        assertThat(outcome.batches()).isGreaterThanOrEqualTo(3);
        deliveries.awaitAll();
        assertThat(reclaimNotices(owner.id())).containsExactly("[\"3\"]");
        assertThat(reclaimNotices(second.id())).containsExactly("[\"2\"]");

        // A rerun of the same evening changes nothing and tells nobody again.
        assertThat(smallBatches.reclaim(run, false).status()).isEqualTo("ALREADY_DONE");
        deliveries.awaitAll();
        assertThat(reclaimNotices(owner.id())).hasSize(1);
        assertThat(reclaimNotices(second.id())).hasSize(1);
    }

    private java.util.List<String> reclaimNotices(long userId) {
        return fixtures.jdbc().sql("SELECT message_args FROM notification WHERE recipient_id = ? AND kind = 'POOL_RECLAIMED'")
                .param(userId).query(String.class).list();
    }

    private long customer(long ownerId, String type, Instant clockAt) {
        long id = fixtures.insert(CustomerFixtures.uniqueName("分批回收"), type, "INTENT", ownerId);
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?").params(Timestamp.from(clockAt), id).update();
        return id;
    }

    private long customer(String type, String status, Instant clockAt) {
        long id = fixtures.insert(CustomerFixtures.uniqueName("公海任务"), type, status, owner.id());
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?").params(Timestamp.from(clockAt), id).update();
        return id;
    }

    private CustomerType type(long id) {
        return CustomerType.valueOf(fixtures.jdbc().sql("SELECT type FROM customer WHERE id = ?").param(id)
                .query(String.class).single());
    }

    private CustomerStatus status(long id) {
        return CustomerStatus.valueOf(fixtures.jdbc().sql("SELECT status FROM customer WHERE id = ?").param(id)
                .query(String.class).single());
    }

    private Instant clockOf(long id) {
        return fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(id).query(Timestamp.class)
                .single().toInstant();
    }

    private boolean inPool(long id) {
        return fixtures.jdbc().sql("SELECT owner_id IS NULL FROM customer WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    private boolean warned(long id) {
        return count("SELECT count(*) FROM pool_warning WHERE customer_id = ?", id) > 0;
    }

    private long count(String sql, Object param) {
        return fixtures.jdbc().sql(sql).param(param).query(Long.class).single();
    }
}
