package io.tidecrm.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.bucket4j.BucketConfiguration;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.ApiTokenFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API's rate limit lives in the database, so that two nodes count against one bucket per token. */
@IntegrationTest
class ApiRateBucketsIntegrationTests {

    static final BucketConfiguration FIVE_A_MINUTE = BucketConfiguration.builder()
            .addLimit(l -> l.capacity(5).refillGreedy(5, Duration.ofMinutes(1))).build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    TestUsers users;

    long tokenId;

    @BeforeEach
    void token() {
        clock.setInstant(clock.instant());
        CurrentUser user = users.newUser("rate-node", Role.REP, null);
        ApiTokenFixtures.readWrite(jdbc, user.id());
        tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = ?").param(user.id()).query(Long.class).single();
    }

    boolean call(ApiRateBuckets node) {
        return node.builder().build(tokenId, () -> FIVE_A_MINUTE).tryConsume(1);
    }

    @Test
    void twoNodesShareOneBucketPerTokenSoTheLimitIsNotDoubled() {
        ApiRateBuckets one = new ApiRateBuckets(jdbc, clock);
        ApiRateBuckets two = new ApiRateBuckets(jdbc, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(call(one)).isTrue();
        }
        assertThat(call(two)).isTrue();
        assertThat(call(two)).isTrue();
        assertThat(call(one)).isFalse();
        assertThat(call(two)).isFalse();
        // A fifth of the minute refills one call, for whichever node asks first.
        clock.advance(Duration.ofSeconds(12));
        assertThat(call(two)).isTrue();
        assertThat(call(one)).isFalse();
    }

    @Test
    void concurrentCallsOnTwoNodesNeverTakeMoreThanTheCapacity() throws Exception {
        List<ApiRateBuckets> nodes = List.of(new ApiRateBuckets(jdbc, clock), new ApiRateBuckets(jdbc, clock));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ApiRateBuckets node = nodes.get(i % 2);
                calls.add(() -> call(node));
            }
            long granted = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
