package io.tidecrm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A contract is visible exactly when its customer is: every contract route answers 404 to a
 * rep of the same team, a rep of another team and the manager of another team, and serves the
 * owner's manager and an administrator.
 */
@IntegrationTest
class ContractVisibilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    ContractTestSupport t;
    long customer;
    long contract;
    long instalment;
    long attachment;
    String title;

    @BeforeEach
    void rep1HasAnApprovedContractWithPlanPaymentAndAttachment() throws Exception {
        t = new ContractTestSupport(mvc, users, fixtures);
        customer = t.customerOf("rep1");
        title = "可见性合同" + System.nanoTime();
        contract = t.create(t.newContract("rep1", customer, title, "1"));
        t.addInstalment("rep1", contract, "2030-02-01", "1000");
        instalment = t.instalment(contract, "2030-02-01");
        mvc.perform(multipart("/contracts/{id}/attachments", contract)
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
                .with(users.as("rep1")).with(csrf())).andExpect(status().is3xxRedirection());
        attachment = t.jdbc().sql("SELECT id FROM contract_attachment WHERE contract_id = ?").param(contract)
                .query(Long.class).single();
        t.submit("rep1", contract);
    }

    @Test
    void everyContractRouteAnswers404ToSameTeamRepOtherTeamRepAndOtherTeamManager() throws Exception {
        for (String outsider : List.of("rep2", "rep3", "manager2")) {
            for (RequestBuilder request : idRoutes(outsider)) {
                mvc.perform(request).andExpect(status().isNotFound());
            }
            assertThat(t.page(outsider, "/contracts")).as(outsider).doesNotContain(title);
            assertThat(t.page(outsider, "/contracts?approval=SUBMITTED")).as(outsider).doesNotContain(title);
            if (!outsider.startsWith("rep")) {
                assertThat(t.page(outsider, "/approvals")).as(outsider).doesNotContain(title);
                assertThat(t.page(outsider, "/contracts/overdue")).as(outsider).doesNotContain(title);
            }
        }
        // Nothing changed through the refused routes.
        assertThat(t.jdbc().sql("SELECT approval_state || ':' || title FROM contract WHERE id = ?").param(contract)
                .query(String.class).single()).isEqualTo("SUBMITTED:" + title);
        assertThat(t.jdbc().sql("SELECT count(*) FROM contract_decision WHERE contract_id = ?").param(contract)
                .query(Long.class).single()).isZero();
        assertThat(t.jdbc().sql("SELECT count(*) FROM contract_attachment WHERE contract_id = ?").param(contract)
                .query(Long.class).single()).isOne();
    }

    @Test
    void theOwnerTheirManagerAndAnAdministratorSeeIt() throws Exception {
        for (String insider : List.of("rep1", "manager1", "admin")) {
            for (String path : List.of("/contracts/" + contract, "/contracts/" + contract + "/edit",
                    "/contracts/" + contract + "/attachments/" + attachment, "/customers/" + customer + "/contracts/new")) {
                mvc.perform(get(path).with(users.as(insider))).andExpect(status().isOk());
            }
            assertThat(t.page(insider, "/contracts")).as(insider).contains(title);
            assertThat(t.page(insider, "/customers/" + customer)).as(insider).contains(title, "contract-panel");
        }
        assertThat(t.page("manager1", "/approvals")).contains(title);
        assertThat(t.page("admin", "/approvals")).contains(title);
        t.decide("manager1", contract, "APPROVED", "").andExpect(status().is3xxRedirection());
    }

    private List<RequestBuilder> idRoutes(String username) {
        var as = users.as(username);
        return List.of(
                get("/contracts/{id}", contract).with(as),
                get("/contracts/{id}/edit", contract).with(as),
                post("/contracts/{id}", contract).with(as).with(csrf()).param("title", "改名")
                        .param("status", "NOT_STARTED").param("type", "DIRECT").param("paymentMethod", "CASH")
                        .param("signDate", "2030-01-01").param("version", "1"),
                post("/contracts/{id}/submit", contract).with(as).with(csrf()).param("version", "1"),
                post("/contracts/{id}/decision", contract).with(as).with(csrf()).param("decision", "APPROVED")
                        .param("version", String.valueOf(t.version(contract))),
                post("/contracts/{id}/instalments", contract).with(as).with(csrf()).param("dueDate", "2030-03-01")
                        .param("amount", "1"),
                post("/contracts/{id}/instalments/{i}/delete", contract, instalment).with(as).with(csrf()),
                post("/contracts/{id}/payments", contract).with(as).with(csrf()).param("paidOn", "2030-02-01")
                        .param("amount", "1").param("method", "CASH"),
                multipart("/contracts/{id}/attachments", contract)
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                        .with(as).with(csrf()),
                get("/contracts/{id}/attachments/{a}", contract, attachment).with(as),
                post("/contracts/{id}/attachments/{a}/delete", contract, attachment).with(as).with(csrf()),
                get("/customers/{id}/contracts/new", customer).with(as),
                post("/customers/{id}/contracts", customer).with(as).with(csrf()).param("title", "偷建")
                        .param("status", "NOT_STARTED").param("type", "DIRECT").param("paymentMethod", "CASH")
                        .param("signDate", "2030-01-01"));
    }
}
