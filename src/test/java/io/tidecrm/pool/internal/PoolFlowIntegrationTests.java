package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PoolFlowIntegrationTests {

    @Autowired
    PoolQueries queries;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @Test
    void flowCountsReclaimedGrabbedAndStillKeptThirtyDaysLater() throws Exception {
        CurrentUser rep = users.newUser("flow", Role.REP, "rep1");
        Instant now = Instant.now();
        long reclaimed = fixtures.insert(CustomerFixtures.uniqueName("流转"), "C", "INTENT", null);
        long kept = fixtures.insert(CustomerFixtures.uniqueName("流转"), "C", "INTENT", rep.id());
        long lost = fixtures.insert(CustomerFixtures.uniqueName("流转"), "C", "INTENT", null);
        history(reclaimed, rep.id(), null, "RECLAIMED", now.minus(Duration.ofDays(5)));
        history(kept, null, rep.id(), "GRABBED", now.minus(Duration.ofDays(40)));
        history(lost, null, rep.id(), "GRABBED", now.minus(Duration.ofDays(45)));
        history(lost, rep.id(), null, "RECLAIMED", now.minus(Duration.ofDays(25)));

        List<PoolQueries.Flow> flow = queries.flow(List.of(rep.id()), now.minus(Duration.ofDays(60)), now, now);
        assertThat(flow).singleElement().satisfies(f -> {
            assertThat(f.reclaimedFrom()).isEqualTo(2);
            assertThat(f.grabbed()).isEqualTo(2);
            assertThat(f.keptAfter30Days()).isEqualTo(1);
        });
        mvc.perform(get("/pool/flow").with(users.as("manager1"))).andExpect(status().isOk());
        mvc.perform(get("/pool/flow").with(users.as("rep1"))).andExpect(status().isForbidden());
    }

    private void history(long customer, Long previous, Long next, String kind, Instant at) {
        fixtures.jdbc().sql("""
                INSERT INTO customer_owner_history (customer_id, previous_owner_id, new_owner_id, kind, changed_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(customer, previous, next, kind, Timestamp.from(at)).update();
    }
}
