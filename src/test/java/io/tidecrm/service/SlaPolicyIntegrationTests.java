package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators edit the SLA policy; a row for a customer type gives that type's tickets their due times. */
@IntegrationTest
class SlaPolicyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void removeRows() {
        fixtures.jdbc().sql("DELETE FROM service_sla_policy WHERE customer_type = 'A'").update();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void aRowForKeyCustomersGivesTheirComplaintsTheirOwnDueTimes() throws Exception {
        mvc.perform(post("/admin/service/sla").with(users.as("admin")).with(csrf())
                        .param("kind", "COMPLAINT").param("priority", "").param("customerType", "A")
                        .param("firstResponseAmount", "1").param("firstResponseUnit", "HOURS")
                        .param("resolutionAmount", "2").param("resolutionUnit", "DAYS"))
                .andExpect(status().is3xxRedirection());
        clock.setInstant(at("2031-03-03T10:00"));
        long keyCustomer = fixtures.insert(CustomerFixtures.uniqueName("重要"), "A", "INTENT", fixtures.userId("rep1"));
        String location = mvc.perform(post("/customers/{id}/tickets", keyCustomer).with(users.as("rep1")).with(csrf())
                        .param("kind", "COMPLAINT").param("priority", "NORMAL").param("channel", "PHONE")
                        .param("category", "PRODUCT").param("title", "重要客户投诉").param("description", "描述"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var row = fixtures.jdbc().sql("SELECT first_response_due, resolution_due FROM service_ticket WHERE id = ?").param(id)
                .query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("first_response_due")).toInstant()).isEqualTo(at("2031-03-03T11:00"));
        assertThat(((java.sql.Timestamp) row.get("resolution_due")).toInstant()).isEqualTo(at("2031-03-05T10:00"));
    }

    @Test
    void theDefaultRowOfAKindStays() throws Exception {
        long id = fixtures.jdbc().sql("SELECT id FROM service_sla_policy WHERE kind = 'COMPLAINT' AND priority IS NULL"
                + " AND customer_type IS NULL").query(Long.class).single();
        mvc.perform(post("/admin/service/sla/{id}/delete", id).with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM service_sla_policy WHERE id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsNamedAndOnlyAdministratorsReachThePolicy() throws Exception {
        mvc.perform(post("/admin/service/sla").with(users.as("admin")).with(csrf()).cookie(new Cookie("tidecrm-lang", "en"))
                        .param("kind", "REQUEST").param("firstResponseAmount", "0").param("firstResponseUnit", "HOURS")
                        .param("resolutionAmount", "").param("resolutionUnit", "DAYS"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("First response within must be at least 1")))
                .andExpect(content().string(Matchers.containsString("Please choose or fill in Resolution within")));
        mvc.perform(get("/admin/service/sla").with(users.as("manager1"))).andExpect(status().isForbidden());
    }
}
