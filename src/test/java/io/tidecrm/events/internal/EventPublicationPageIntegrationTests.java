package io.tidecrm.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' page of incomplete deliveries: the failure with its error, and retry. */
@IntegrationTest
class EventPublicationPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MutableClock clock;

    final List<FailingInbox> inboxes = new ArrayList<>();

    @AfterEach
    void repair() {
        inboxes.forEach(FailingInbox::repair);
        clock.reset();
    }

    @Test
    void theAdministratorSeesAFailedDeliveryWithItsErrorAndRetryCompletesIt() throws Exception {
        FailingInbox inbox = failingInbox().followUp();
        UUID id = inbox.publication().id();

        String page = page("admin");
        assertThat(page).contains("id=\"publication-" + id + "\"")
                .contains("NotificationEvents.on").contains("FollowUpRecorded")
                .contains("inbox down for " + inbox.marker)
                .contains("action=\"/admin/events/" + id + "/retry\"");
        assertThat(mvc.perform(get("/admin/events").param("lang", "en").with(users.as("admin")))
                .andReturn().getResponse().getContentAsString()).contains("Retry").contains("failed");

        inbox.repair();
        mvc.perform(post("/admin/events/{id}/retry", id).with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/events"))
                .andExpect(flash().attribute("flash", new FlashMessage("success", "events.retried", List.of("1"))));
        deliveries.awaitAll();

        assertThat(inbox.notices()).isEqualTo(1);
        assertThat(inbox.publication().completed()).isTrue();
        assertThat(page("admin")).doesNotContain("publication-" + id);
        // Once complete, a retry has nothing to do.
        mvc.perform(post("/admin/events/{id}/retry", id).with(users.as("admin")).with(csrf()))
                .andExpect(flash().attribute("flash", new FlashMessage("success", "events.alreadyComplete", List.of())));
    }

    @Test
    void retryAllResubmitsEveryFailedDelivery() throws Exception {
        FailingInbox first = failingInbox().followUp();
        FailingInbox second = failingInbox().followUp();
        first.repair();
        second.repair();

        mvc.perform(post("/admin/events/retry").with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/events"));
        deliveries.awaitAll();

        assertThat(first.publication().completed()).isTrue();
        assertThat(second.publication().completed()).isTrue();
        assertThat(first.notices() + second.notices()).isEqualTo(2);
    }

    @Test
    void aDeliveryUnderWayIsNotRetriedByHand() throws Exception {
        FailingInbox inbox = failingInbox().followUp();
        UUID id = inbox.publication().id();
        inbox.repair();
        fixtures.jdbc().sql("UPDATE event_publication SET status = 'PROCESSING' WHERE id = ?").param(id).update();

        assertThat(page("admin")).contains("id=\"publication-" + id + "\"")
                .doesNotContain("action=\"/admin/events/" + id + "/retry\"");
        mvc.perform(post("/admin/events/{id}/retry", id).with(users.as("admin")).with(csrf()))
                .andExpect(flash().attribute("flash", new FlashMessage("danger", "events.notDue", List.of("10"))));
        deliveries.awaitAll();
        assertThat(inbox.notices()).isZero();
    }

    @Test
    void onlyAdministratorsReachTheDeliveries() throws Exception {
        for (String user : List.of("rep1", "manager1")) {
            mvc.perform(get("/admin/events").with(users.as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/events/retry").with(users.as(user)).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/admin/events/{id}/retry", UUID.randomUUID()).with(users.as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/events")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/events/{id}/retry", "not-an-id").with(users.as("admin")).with(csrf()))
                .andExpect(status().isNotFound());
        // The administrators' menu leads there; nobody else's does.
        assertThat(mvc.perform(get("/").with(users.as("admin"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/admin/events\"");
        assertThat(mvc.perform(get("/").with(users.as("manager1"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("href=\"/admin/events\"");
    }

    private String page(String user) throws Exception {
        return mvc.perform(get("/admin/events").with(users.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private FailingInbox failingInbox() {
        FailingInbox inbox = new FailingInbox(mvc, users, fixtures, deliveries, clock);
        inboxes.add(inbox);
        return inbox;
    }
}
