package io.tidecrm.contract;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Contracts through their pages, for the contract and report tests: create, submit, decide, plan, pay, read back. */
public final class ContractTestSupport {

    final MockMvc mvc;
    final TestUsers users;
    final CustomerFixtures fixtures;
    final CatalogFixtures catalog;

    public ContractTestSupport(MockMvc mvc, TestUsers users, CustomerFixtures fixtures) {
        this.mvc = mvc;
        this.users = users;
        this.fixtures = fixtures;
        this.catalog = new CatalogFixtures(fixtures.jdbc());
    }

    public JdbcClient jdbc() {
        return fixtures.jdbc();
    }

    public long customerOf(String username) {
        return fixtures.customerOf(username, "合同");
    }

    /** The contract form with one line of 基础版 (4,980.00) × quantity. */
    public MockHttpServletRequestBuilder newContract(String username, long customer, String title, String quantity) {
        return post("/customers/{id}/contracts", customer).with(users.as(username)).with(csrf())
                .param("title", title).param("status", "NOT_STARTED").param("type", "DIRECT")
                .param("paymentMethod", "BANK_TRANSFER").param("signDate", "2030-01-15")
                .param("lines[0].productId", String.valueOf(catalog.basicEdition()))
                .param("lines[0].quantity", quantity);
    }

    public long create(MockHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A contract of {@code username}'s own customer worth 4,980.00 × quantity. */
    public long contract(String username, String quantity) throws Exception {
        return create(newContract(username, customerOf(username), "合同" + System.nanoTime(), quantity));
    }

    public long version(long id) {
        return jdbc().sql("SELECT version FROM contract WHERE id = ?").param(id).query(Long.class).single();
    }

    public String state(long id) {
        return jdbc().sql("SELECT approval_state FROM contract WHERE id = ?").param(id).query(String.class).single();
    }

    public BigDecimal total(long id) {
        return jdbc().sql("SELECT total FROM contract WHERE id = ?").param(id).query(BigDecimal.class).single();
    }

    public ResultActions submit(String username, long id) throws Exception {
        return mvc.perform(post("/contracts/{id}/submit", id).with(users.as(username)).with(csrf())
                .param("version", String.valueOf(version(id))));
    }

    public ResultActions decide(String username, long id, String decision, String comment) throws Exception {
        return mvc.perform(post("/contracts/{id}/decision", id).with(users.as(username)).with(csrf())
                .param("decision", decision).param("comment", comment).param("version", String.valueOf(version(id))));
    }

    /** A contract submitted by {@code username} and approved by {@code approver}. */
    public long approved(String username, String approver, String quantity) throws Exception {
        long id = contract(username, quantity);
        submit(username, id).andExpect(status().is3xxRedirection());
        decide(approver, id, "APPROVED", "").andExpect(status().is3xxRedirection());
        return id;
    }

    public ResultActions addInstalment(String username, long id, String dueDate, String amount) throws Exception {
        return mvc.perform(post("/contracts/{id}/instalments", id).with(users.as(username)).with(csrf())
                .param("dueDate", dueDate).param("amount", amount));
    }

    public long instalment(long id, String dueDate) {
        return jdbc().sql("SELECT id FROM contract_instalment WHERE contract_id = ? AND due_date = CAST(? AS date)")
                .params(id, dueDate).query(Long.class).single();
    }

    public ResultActions pay(String username, long id, String amount, Long instalmentId) throws Exception {
        MockHttpServletRequestBuilder request = post("/contracts/{id}/payments", id).with(users.as(username))
                .with(csrf()).param("paidOn", "2030-02-01").param("amount", amount).param("method", "BANK_TRANSFER")
                .param("remarks", "");
        if (instalmentId != null) {
            request.param("instalmentId", String.valueOf(instalmentId));
        }
        return mvc.perform(request);
    }

    public BigDecimal received(long id) {
        return jdbc().sql("SELECT coalesce(sum(amount), 0) FROM contract_payment WHERE contract_id = ?").param(id)
                .query(BigDecimal.class).single();
    }

    public String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(users.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    public static String flashKey(ResultActions result) {
        Object flash = result.andReturn().getFlashMap().get("flash");
        return flash == null ? null : ((io.tidecrm.support.FlashMessage) flash).key();
    }
}
