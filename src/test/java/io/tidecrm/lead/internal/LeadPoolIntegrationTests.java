package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lead pool: picks race-safe, up to the daily limit. */
@IntegrationTest
class LeadPoolIntegrationTests {

    @Autowired
    LeadService leads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    TestUsers users;

    LeadTestData data;

    @BeforeEach
    void setUp() {
        data = new LeadTestData(jdbc, (Clock) clock);
    }

    @Test
    void twoConcurrentPicksOfOneLeadGiveExactlyOneWinner() throws Exception {
        CurrentUser a = users.newUser("抢一", Role.REP, "rep1");
        CurrentUser b = users.newUser("抢二", Role.REP, "rep3");
        for (int round = 0; round < 5; round++) {
            long lead = data.lead(LeadTestData.unique("抢"), "x");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> picks = new ArrayList<>();
            for (CurrentUser user : List.of(a, b)) {
                picks.add(pool.submit(() -> {
                    start.await();
                    try {
                        leads.pick(lead, user);
                        return true;
                    } catch (RuleViolation | LeadNotFoundException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> pick : picks) {
                winners += pick.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(winners).isEqualTo(1);
            assertThat(data.owner(lead)).isIn(a.id(), b.id());
            assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'PICKED'").param(lead)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aRepPicksFromTheLeadPoolUpToTheDailyLimit() {
        CurrentUser rep = users.newUser("限额", Role.REP, "rep1");
        int limit = jdbc.sql("SELECT pool_daily_limit FROM lead_settings").query(Integer.class).single();
        for (int i = 0; i < limit; i++) {
            leads.pick(data.lead(LeadTestData.unique("限"), "x"), rep);
        }
        long more = data.lead(LeadTestData.unique("限"), "x");
        assertThatThrownBy(() -> leads.pick(more, rep)).isInstanceOf(RuleViolation.class)
                .hasMessage("lead.pick.limit");
        assertThat(data.status(more)).isEqualTo("NEW");
    }
}
