package io.tidecrm.integration;

import static io.tidecrm.support.ApiTokenFixtures.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.ApiTokenFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Visits under /api/v1 (issue 13, "visits are added when their issue lands"): read only, in the caller's scope. */
@IntegrationTest
class VisitApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    long visit(long customer, CurrentUser owner, boolean checkedIn) {
        Timestamp planned = Timestamp.from(Instant.parse("2026-11-20T02:00:00Z"));
        return fixtures.jdbc().sql("""
                INSERT INTO visit (customer_id, owner_id, planned_at, place, purpose, checked_in_at, latitude, longitude,
                                   accuracy_m, distance_m, check_in_flag, created_at)
                VALUES (?, ?, ?, '客户办公室', 'API拜访', ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(customer, owner.id(), planned, checkedIn ? planned : null, checkedIn ? 31.23 : null,
                        checkedIn ? 121.47 : null, checkedIn ? 20.0 : null, checkedIn ? 1100 : null,
                        checkedIn ? "FAR" : null, planned)
                .query(Long.class).single();
    }

    @Test
    void visitsAreReadOnlyInTheCallersScopeAndKeepTheCheckInsCoordinatesOff() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("api-visit-mgr");
        CurrentUser rep = users.newUser("api-visit-rep", Role.REP, manager.getUsername());
        CurrentUser stranger = users.newUser("api-visit-other", Role.REP, null);
        long customer = fixtures.insert(CustomerFixtures.uniqueName("拜访API"), "B", "INTENT", rep.id());
        long other = fixtures.insert(CustomerFixtures.uniqueName("拜访API"), "B", "INTENT", rep.id());
        long checkedIn = visit(customer, rep, true);
        long planned = visit(other, rep, false);
        String token = ApiTokenFixtures.readWrite(fixtures.jdbc(), rep.id());

        mvc.perform(get("/api/v1/visits/" + checkedIn).with(bearer(token)))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.purpose").value("API拜访")).andExpect(jsonPath("$.checkInFlag").value("FAR"))
                .andExpect(jsonPath("$.distanceMetres").value(1100)).andExpect(jsonPath("$.latitude").doesNotExist());
        mvc.perform(get("/api/v1/visits").param("customerId", String.valueOf(customer)).with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(checkedIn));
        mvc.perform(get("/api/v1/visits").param("limit", "1").with(bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(planned))
                .andExpect(jsonPath("$.next").isNotEmpty());
        mvc.perform(get("/api/v1/visits/" + checkedIn).with(bearer(ApiTokenFixtures.readWrite(fixtures.jdbc(), manager.id()))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/visits/" + checkedIn).with(bearer(ApiTokenFixtures.readWrite(fixtures.jdbc(), stranger.id()))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("notFound"));
        mvc.perform(post("/api/v1/visits/" + checkedIn).with(bearer(token)).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }
}
