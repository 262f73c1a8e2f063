package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.BulkOutcome;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Managers transfer several customers at once from the list: each one by the single transfer's
 * rules, each in its own transaction, and the result names every customer.
 */
@IntegrationTest
class BulkTransferIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MessageSource messages;

    @Test
    void theCapReachedHalfwayRefusesOnlyTheCustomersOverIt() throws Exception {
        CurrentUser receiver = users.newUser("bulk-cap", Role.REP, "rep1");
        fixtures.fillTo(receiver.id(), "A", 19);
        long rep1 = fixtures.userId("rep1");
        long a1 = fixtures.insert(CustomerFixtures.uniqueName("批量甲"), "A", "INTENT", rep1);
        String a2Name = CustomerFixtures.uniqueName("批量乙");
        long a2 = fixtures.insert(a2Name, "A", "INTENT", rep1);
        long b1 = fixtures.insert(CustomerFixtures.uniqueName("批量丙"), "B", "INTENT", rep1);

        MvcResult result = mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(a1), Long.toString(a2), Long.toString(b1))
                        .param("targetUserId", Long.toString(receiver.id())).param("reason", "团队调整"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers"))
                .andExpect(flash().attributeExists("bulkOutcomes"))
                .andReturn();
        assertThat(ownerOf(a1)).isEqualTo(receiver.id());
        assertThat(ownerOf(a2)).isEqualTo(rep1);
        assertThat(ownerOf(b1)).isEqualTo(receiver.id());
        @SuppressWarnings("unchecked")
        List<BulkOutcome> outcomes = (List<BulkOutcome>) result.getFlashMap().get("bulkOutcomes");
        assertThat(outcomes).extracting(BulkOutcome::done).containsExactly(true, false, true);
        assertThat(outcomes.get(1).name()).isEqualTo(a2Name);
        assertThat(outcomes.get(1).reasonKey()).isEqualTo("customer.cap.exceeded");
        // Each transfer wrote its history; the refused one none.
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM customer_owner_history WHERE customer_id IN (?, ?, ?)"
                + " AND kind = 'TRANSFERRED'").params(a1, a2, b1).query(Long.class).single()).isEqualTo(2);

        // The list after the redirect names each customer and the reason, in the reader's language.
        String page = mvc.perform(get("/customers").with(users.as("manager1")).locale(Locale.SIMPLIFIED_CHINESE)
                        .cookie(result.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"bulk-outcomes\"").contains(a2Name + "：未转移。").contains("上限");
        BulkOutcome refused = outcomes.get(1);
        assertThat(messages.getMessage("customer.bulk.refused", new Object[] {refused.name(),
                messages.getMessage(refused.reasonKey(), refused.reasonArgArray(), Locale.ENGLISH)}, Locale.ENGLISH))
                .isEqualTo(a2Name + ": not transferred. The owner already has 20 type A customers; the cap is 20.");
    }

    @Test
    void aCustomerOutsideTheManagersScopeRefusesTheWholeRequest() throws Exception {
        long mine = fixtures.customerOf("rep1", "批量本组");
        long otherTeam = fixtures.customerOf("rep3", "批量他组");
        long rep2 = fixtures.userId("rep2");
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(mine), Long.toString(otherTeam))
                        .param("targetUserId", Long.toString(rep2)).param("reason", "越权"))
                .andExpect(status().isNotFound());
        assertThat(ownerOf(mine)).isEqualTo(fixtures.userId("rep1"));
        assertThat(ownerOf(otherTeam)).isEqualTo(fixtures.userId("rep3"));
        // An id that does not exist answers the same.
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(mine), "999999999")
                        .param("targetUserId", Long.toString(rep2)).param("reason", "越权"))
                .andExpect(status().isNotFound());
        assertThat(ownerOf(mine)).isEqualTo(fixtures.userId("rep1"));
    }

    @Test
    void repsNeitherSeeTheControlsNorGetThrough() throws Exception {
        long mine = fixtures.customerOf("rep1", "批量代表");
        mvc.perform(post("/customers/bulk-transfer").with(users.as("rep1")).with(csrf())
                        .param("ids", Long.toString(mine))
                        .param("targetUserId", Long.toString(fixtures.userId("rep2"))).param("reason", "想转"))
                .andExpect(status().isForbidden());
        assertThat(ownerOf(mine)).isEqualTo(fixtures.userId("rep1"));
        String list = mvc.perform(get("/customers").with(users.as("rep1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("bulk-transfer").doesNotContain("name=\"ids\"");
        String managers = mvc.perform(get("/customers").with(users.as("manager1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(managers).contains("id=\"bulk-transfer\"").contains("name=\"ids\"").contains("name=\"_csrf\"");
    }

    @Test
    void thePostNeedsItsCsrfToken() throws Exception {
        long mine = fixtures.customerOf("rep1", "批量令牌");
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1"))
                        .param("ids", Long.toString(mine))
                        .param("targetUserId", Long.toString(fixtures.userId("rep2"))).param("reason", "无令牌"))
                .andExpect(status().isForbidden());
        assertThat(ownerOf(mine)).isEqualTo(fixtures.userId("rep1"));
    }

    @Test
    void nothingTickedOrNoReasonSaysSo() throws Exception {
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                        .param("targetUserId", Long.toString(fixtures.userId("rep2"))).param("reason", "x"))
                .andExpect(redirectedUrl("/customers"));
        long mine = fixtures.customerOf("rep1", "批量无因");
        mvc.perform(post("/customers/bulk-transfer").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(mine)).param("targetUserId", Long.toString(fixtures.userId("rep2"))))
                .andExpect(redirectedUrl("/customers"));
        assertThat(ownerOf(mine)).isEqualTo(fixtures.userId("rep1"));
    }

    private long ownerOf(long customerId) {
        return fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customerId)
                .query(Long.class).single();
    }
}
