package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.TestUsers;
import org.springframework.test.web.servlet.MockMvc;

/** A contract approved through the contract pages, for the service tests that react to the approval. */
record ContractApprovals(MockMvc mvc, TestUsers users, CustomerFixtures fixtures, CatalogFixtures catalog,
        Deliveries deliveries) {

    /** rep1's contract of the customer, submitted by rep1 and approved by manager1; waits for the listeners. */
    long approveContractOf(long customer) throws Exception {
        String location = mvc.perform(post("/customers/{id}/contracts", customer).with(users.as("rep1")).with(csrf())
                        .param("title", "交接合同" + System.nanoTime()).param("status", "NOT_STARTED").param("type", "DIRECT")
                        .param("paymentMethod", "BANK_TRANSFER").param("signDate", "2030-01-15")
                        .param("lines[0].productId", String.valueOf(catalog.basicEdition())).param("lines[0].quantity", "1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/contracts/{id}/submit", id).with(users.as("rep1")).with(csrf()).param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/contracts/{id}/decision", id).with(users.as("manager1")).with(csrf())
                        .param("decision", "APPROVED").param("comment", "").param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT approval_state FROM contract WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("APPROVED");
        deliveries.awaitAll();
        return id;
    }

    private String version(long contract) {
        return String.valueOf(fixtures.jdbc().sql("SELECT version FROM contract WHERE id = ?").param(contract)
                .query(Long.class).single());
    }
}
