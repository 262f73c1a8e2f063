package io.tidecrm.service;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** The service report of a team: on-time rates of first responses and resolutions, and satisfaction per rep and team. */
@IntegrationTest
class ServiceReportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    long record(CurrentUser rep, long customer) throws Exception {
        String location = mvc.perform(post("/customers/{id}/tickets", customer).with(as(rep)).with(csrf())
                        .param("kind", "REQUEST").param("priority", "NORMAL").param("channel", "PHONE")
                        .param("category", "TRAINING").param("title", "培训请求").param("description", "描述"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    String version(long id) {
        return String.valueOf(fixtures.jdbc().sql("SELECT version FROM service_ticket WHERE id = ?").param(id)
                .query(Long.class).single());
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    @Test
    void theReportShowsOnTimeRatesAndAverageSatisfactionOfTheTeam() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("svc-report");
        CurrentUser rep = users.newUser("svc-rep", Role.REP, manager.getUsername());
        long customer = fixtures.insert(CustomerFixtures.uniqueName("报表"), "B", "INTENT", rep.id());
        clock.setInstant(at("2031-03-03T10:00"));
        long answered = record(rep, customer);
        record(rep, customer);
        clock.setInstant(at("2031-03-03T10:30"));
        mvc.perform(post("/tickets/{id}/start", answered).with(as(rep)).with(csrf()).param("version", version(answered)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/{id}/resolve", answered).with(as(rep)).with(csrf()).param("version", version(answered))
                .param("resolution", "已培训")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/{id}/close", answered).with(as(rep)).with(csrf()).param("version", version(answered))
                .param("satisfaction", "4")).andExpect(status().is3xxRedirection());
        // The other one got no first response by 12:00.
        clock.setInstant(at("2031-03-03T13:00"));
        mvc.perform(get("/tickets/report").with(as(users.principal(manager.getUsername()))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"first-response-rate\">50.0%")))
                .andExpect(content().string(Matchers.containsString("id=\"resolution-rate\">100.0%")))
                .andExpect(content().string(Matchers.containsString(rep.displayName())))
                .andExpect(content().string(Matchers.containsString("4.00")));
    }
}
