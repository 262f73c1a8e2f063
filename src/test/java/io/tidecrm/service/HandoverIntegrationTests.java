package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Handover (售后交接): an approved contract gives its customer a service contact (the contract's
 * owner) after the approval committed; new service requests go to the service contact, complaints
 * stay with whoever records them; a contact named on purpose is kept by later approvals.
 */
@IntegrationTest
class HandoverIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogFixtures catalog;

    @Autowired
    Deliveries deliveries;

    void approveContractOf(long customer) throws Exception {
        new ContractApprovals(mvc, users, fixtures, catalog, deliveries).approveContractOf(customer);
    }

    Long serviceContact(long customer) {
        return fixtures.jdbc().sql("SELECT user_id FROM service_contact WHERE customer_id = ?").param(customer)
                .query(Long.class).optional().orElse(null);
    }

    long record(String username, long customer, String kind) throws Exception {
        String location = mvc.perform(post("/customers/{id}/tickets", customer).with(users.as(username)).with(csrf())
                        .param("kind", kind).param("priority", "NORMAL").param("channel", "PHONE")
                        .param("category", "PRODUCT").param("title", "交接后的请求").param("description", "描述"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long owner(long ticket) {
        return fixtures.jdbc().sql("SELECT owner_id FROM service_ticket WHERE id = ?").param(ticket).query(Long.class).single();
    }

    @Test
    void anApprovedContractHandsTheCustomerToItsOwnerAndServiceRequestsGoThere() throws Exception {
        long customer = fixtures.customerOf("rep1", "交接");
        assertThat(serviceContact(customer)).isNull();
        approveContractOf(customer);
        assertThat(serviceContact(customer)).isEqualTo(fixtures.userId("rep1"));

        assertThat(owner(record("manager1", customer, "REQUEST"))).as("a request goes to the service contact")
                .isEqualTo(fixtures.userId("rep1"));
        assertThat(owner(record("manager1", customer, "COMPLAINT"))).as("a complaint stays with its recorder")
                .isEqualTo(fixtures.userId("manager1"));
    }

    @Test
    void aNamedServiceContactIsKeptByALaterApproval() throws Exception {
        long customer = fixtures.customerOf("rep1", "指定");
        mvc.perform(post("/customers/{id}/service-contact", customer).with(users.as("manager1")).with(csrf())
                        .param("userId", String.valueOf(fixtures.userId("rep2"))))
                .andExpect(status().is3xxRedirection());
        assertThat(serviceContact(customer)).isEqualTo(fixtures.userId("rep2"));
        approveContractOf(customer);
        assertThat(serviceContact(customer)).isEqualTo(fixtures.userId("rep2"));
        assertThat(owner(record("rep1", customer, "REQUEST"))).isEqualTo(fixtures.userId("rep2"));
    }

    @Test
    void aRepWhoDoesNotOwnTheCustomerCannotNameItsServiceContact() throws Exception {
        long customer = fixtures.customerOf("rep1", "越权");
        mvc.perform(post("/customers/{id}/service-contact", customer).with(users.as("rep3")).with(csrf())
                        .param("userId", String.valueOf(fixtures.userId("rep3"))))
                .andExpect(status().isNotFound());
        assertThat(serviceContact(customer)).isNull();
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(users.as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCustomerPageLinksToTheServiceContactPageWhichOffersEveryoneButAdministratorsWithTheCurrentOneChosen()
            throws Exception {
        long customer = fixtures.customerOf("rep1", "联系人页");
        fixtures.jdbc().sql("INSERT INTO service_contact (customer_id, user_id, named, since) VALUES (?, ?, true, now())")
                .params(customer, fixtures.userId("rep2")).update();
        String detail = page("rep1", "/customers/" + customer);
        assertThat(detail).containsPattern("id=\"change-service-contact\"\\s+href=\"/customers/" + customer + "/service-contact\"")
                .as("no list of users on the customer page").doesNotContain("name=\"userId\"");

        String form = page("rep1", "/customers/" + customer + "/service-contact");
        assertThat(form).containsPattern("<option value=\"" + fixtures.userId("rep2") + "\" selected")
                .contains("<option value=\"" + fixtures.userId("manager1") + "\"")
                .doesNotContain("<option value=\"" + fixtures.userId("admin") + "\"");
    }

    @Test
    void namingNoOneOrNotAUserShowsTheServiceContactPageAgainWithTheMessageAtTheField() throws Exception {
        long customer = fixtures.customerOf("rep1", "未选择");
        String again = mvc.perform(post("/customers/{id}/service-contact", customer)
                        .with(users.as("rep1")).with(csrf()).param("userId", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).containsPattern("<select class=\"form-select is-invalid\" id=\"userId\"")
                .containsPattern("class=\"invalid-feedback\">请从列表中选择用户。<");
        String garbled = mvc.perform(post("/customers/{id}/service-contact", customer)
                        .with(users.as("rep1")).with(csrf()).param("userId", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(garbled).as("not a number: the page again, the field named")
                .containsPattern("<select class=\"form-select is-invalid\" id=\"userId\"").contains("请选择或填写有效的售后负责人。");
        assertThat(serviceContact(customer)).isNull();
    }

    @Test
    void aCustomerInThePoolHasNoServiceContactPageForARep() throws Exception {
        long customer = fixtures.insert(CustomerFixtures.uniqueName("公海"), "B", "INTENT", null);
        mvc.perform(get("/customers/{id}/service-contact", customer).with(users.as("rep1")))
                .andExpect(status().isNotFound());
        assertThat(page("rep1", "/customers/" + customer)).doesNotContain("change-service-contact");
    }
}
