package io.tidecrm.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** "Check in now" on the customer page: an unplanned visit created and checked in in one step. */
@IntegrationTest
class CheckInNowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    CurrentUser rep;
    long customerId;

    @BeforeEach
    void aRepWithACustomer() {
        // 10:00 of today where the clock is: a visit planned half an hour ahead stays today's
        // visit whenever the suite runs (at 23:45 it fell on tomorrow, and the check-in made a new one).
        clock.setInstant(LocalDate.now(clock.getZone()).atTime(10, 0).atZone(clock.getZone()).toInstant());
        rep = users.newUser("now-visitor", Role.REP, "rep1");
        customerId = fixtures.insert(CustomerFixtures.uniqueName("临时拜访"), "B", "FIRST_VISIT", rep.id());
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(3))), customerId).update();
    }

    private ResultActions checkInNow(String as) throws Exception {
        return mvc.perform(post("/customers/{id}/visits/check-in", customerId).param("latitude", "31.2304")
                .param("longitude", "121.4737").param("accuracy", "25").with(csrf()).with(users.as(as)));
    }

    private List<String> visits() {
        return fixtures.jdbc().sql("""
                SELECT purpose || ':' || check_in_flag || ':' || (checked_in_at = ?) FROM visit WHERE customer_id = ?
                ORDER BY id
                """).params(Timestamp.from(clock.instant()), customerId).query(String.class).list();
    }

    @Test
    void checkInNowCreatesTheVisitAndChecksInInOneStepMovingTheClock() throws Exception {
        mvc.perform(get("/customers/{id}", customerId).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("id=\"check-in-now\"")));
        String location = checkInNow(rep.getUsername()).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/visits/\\d+");
        assertThat(visits()).containsExactly("临时拜访:LOCATION_SET:true");
        assertThat(fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customerId)
                .query(Timestamp.class).single().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void aSecondTapWhileCheckedInMakesNoSecondVisit() throws Exception {
        String first = checkInNow(rep.getUsername()).andReturn().getResponse().getRedirectedUrl();
        clock.advance(Duration.ofSeconds(2));
        String second = checkInNow(rep.getUsername()).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        assertThat(visits()).hasSize(1);
    }

    @Test
    void todaysPlannedVisitOfTheCustomerTakesTheCheckIn() throws Exception {
        mvc.perform(post("/customers/{id}/visits", customerId)
                .param("plannedAt", clock.instant().atZone(clock.getZone()).toLocalDateTime().plusMinutes(30).toString())
                .param("purpose", "产品演示").with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        checkInNow(rep.getUsername()).andExpect(status().is3xxRedirection());
        assertThat(visits()).containsExactly("产品演示:LOCATION_SET:true");
    }

    @Test
    void aCustomerTheViewerCannotSeeAnswers404AndNoVisit() throws Exception {
        checkInNow("rep3").andExpect(status().isNotFound());
        assertThat(visits()).isEmpty();
    }
}
