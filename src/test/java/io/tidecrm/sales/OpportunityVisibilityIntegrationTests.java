package io.tidecrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An opportunity is visible exactly when its customer is: every sales route answers 404 to a
 * rep of the same team, a rep of another team and the manager of another team, and serves
 * the owner's manager and an administrator.
 */
@IntegrationTest
class OpportunityVisibilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    long customer;
    long opportunity;
    String title;

    @BeforeEach
    void rep1HasAnOpportunity() throws Exception {
        customer = fixtures.insert(CustomerFixtures.uniqueName("可见性"), "B", "INTENT", fixtures.userId("rep1"));
        title = "可见性商机" + System.nanoTime();
        String location = mvc.perform(post("/customers/{id}/opportunities", customer).with(users.as("rep1")).with(csrf())
                .param("title", title).param("expectedCloseDate", "2030-05-20").param("amount", "5000"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        opportunity = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void everySalesRouteAnswers404ToSameTeamRepOtherTeamRepAndOtherTeamManager() throws Exception {
        for (String outsider : List.of("rep2", "rep3", "manager2")) {
            for (MockHttpServletRequestBuilder request : idRoutes(outsider)) {
                mvc.perform(request).andExpect(status().isNotFound());
            }
            for (String list : List.of("/opportunities", "/opportunities/board", "/opportunities?owner="
                    + fixtures.userId("rep1"))) {
                assertThat(body(outsider, list)).as(outsider + " " + list).doesNotContain(title);
            }
        }
        // Nothing changed through the refused routes.
        assertThat(fixtures.jdbc().sql("SELECT stage || ':' || title || ':' || version FROM opportunity WHERE id = ?")
                .param(opportunity).query(String.class).single()).isEqualTo("LEAD:" + title + ":0");
    }

    @Test
    void theOwnersManagerAndAnAdministratorSeeAndChangeIt() throws Exception {
        for (String insider : List.of("rep1", "manager1", "admin")) {
            for (String path : List.of("/opportunities/" + opportunity, "/opportunities/" + opportunity + "/edit",
                    "/customers/" + customer + "/opportunities/new")) {
                mvc.perform(get(path).with(users.as(insider))).andExpect(status().isOk());
            }
            assertThat(body(insider, "/opportunities")).as(insider).contains(title);
            assertThat(body(insider, "/opportunities/board")).as(insider).contains(title);
            assertThat(body(insider, "/customers/" + customer)).as(insider).contains(title);
        }
        mvc.perform(post("/opportunities/{id}/stage", opportunity).with(users.as("manager1")).with(csrf())
                .header("HX-Request", "true").param("stage", "QUALIFIED").param("version", "0"))
                .andExpect(status().isOk());
        mvc.perform(post("/opportunities/{id}", opportunity).with(users.as("admin")).with(csrf()).param("title", title)
                .param("expectedCloseDate", "2030-05-21").param("amount", "6000").param("version", "1"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aTransferredCustomerTakesItsOpportunitiesAlong() throws Exception {
        fixtures.jdbc().sql("UPDATE customer SET owner_id = ? WHERE id = ?").params(fixtures.userId("rep2"), customer)
                .update();
        mvc.perform(get("/opportunities/{id}", opportunity).with(users.as("rep1"))).andExpect(status().isNotFound());
        mvc.perform(get("/opportunities/{id}", opportunity).with(users.as("rep2"))).andExpect(status().isOk());
    }

    private List<MockHttpServletRequestBuilder> idRoutes(String username) {
        var as = users.as(username);
        return List.of(
                get("/opportunities/{id}", opportunity).with(as),
                get("/opportunities/{id}/edit", opportunity).with(as),
                post("/opportunities/{id}", opportunity).with(as).with(csrf()).param("title", "改名")
                        .param("expectedCloseDate", "2030-05-20").param("amount", "1").param("version", "0"),
                post("/opportunities/{id}/stage", opportunity).with(as).with(csrf()).param("stage", "QUALIFIED")
                        .param("version", "0"),
                post("/opportunities/{id}/stage", opportunity).with(as).with(csrf()).header("HX-Request", "true")
                        .param("stage", "QUALIFIED").param("version", "0"),
                post("/opportunities/{id}/stage", opportunity).with(as).with(csrf()).header("HX-Request", "true")
                        .param("stage", "NOPE").param("version", "0"),
                get("/customers/{id}/opportunities/new", customer).with(as),
                post("/customers/{id}/opportunities", customer).with(as).with(csrf()).param("title", "偷建")
                        .param("expectedCloseDate", "2030-05-20").param("amount", "1"));
    }

    private String body(String username, String path) throws Exception {
        return mvc.perform(get(path).with(users.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
