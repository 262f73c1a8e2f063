package io.tidecrm.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Managers assign several pool customers to one rep: each by the single assignment's rules, on its own. */
@IntegrationTest
class PoolBulkAssignIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void theCapReachedHalfwayRefusesOnlyTheCustomersOverIt() throws Exception {
        CurrentUser rep = users.newUser("pool-bulk", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 19);
        long a1 = fixtures.insert(CustomerFixtures.uniqueName("公海批量甲"), "A", "FIRST_VISIT", null);
        String a2Name = CustomerFixtures.uniqueName("公海批量乙");
        long a2 = fixtures.insert(a2Name, "A", "FIRST_VISIT", null);
        long b1 = fixtures.insert(CustomerFixtures.uniqueName("公海批量丙"), "B", "FIRST_VISIT", null);

        MvcResult result = mvc.perform(post("/pool/bulk-assign").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(a1), Long.toString(a2), Long.toString(b1))
                        .param("repId", Long.toString(rep.id())))
                .andExpect(redirectedUrl("/pool")).andReturn();
        assertThat(ownerOf(a1)).isEqualTo(rep.id());
        assertThat(ownerOf(a2)).isNull();
        assertThat(ownerOf(b1)).isEqualTo(rep.id());
        @SuppressWarnings("unchecked")
        List<BulkOutcome> outcomes = (List<BulkOutcome>) result.getFlashMap().get("bulkOutcomes");
        assertThat(outcomes).extracting(BulkOutcome::done).containsExactly(true, false, true);
        String page = mvc.perform(get("/pool").with(users.as("manager1")).locale(Locale.SIMPLIFIED_CHINESE)
                        .cookie(result.getResponse().getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(a2Name + "：未分配。").contains("上限");
    }

    @Test
    void repsAreRefused() throws Exception {
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("公海批量代表"), "C", "FIRST_VISIT", null);
        mvc.perform(post("/pool/bulk-assign").with(users.as("rep1")).with(csrf())
                        .param("ids", Long.toString(pooled)).param("repId", Long.toString(fixtures.userId("rep1"))))
                .andExpect(status().isForbidden());
        assertThat(ownerOf(pooled)).isNull();
        assertThat(mvc.perform(get("/pool").with(users.as("rep1"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("bulk-assign");
    }

    @Test
    void aCustomerThatIsNeitherPooledNorInScopeRefusesTheWholeRequest() throws Exception {
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("公海批量可见"), "C", "FIRST_VISIT", null);
        long otherTeam = fixtures.customerOf("rep3", "公海批量他组");
        mvc.perform(post("/pool/bulk-assign").with(users.as("manager1")).with(csrf())
                        .param("ids", Long.toString(pooled), Long.toString(otherTeam))
                        .param("repId", Long.toString(fixtures.userId("rep2"))))
                .andExpect(status().isNotFound());
        assertThat(ownerOf(pooled)).isNull();
        assertThat(ownerOf(otherTeam)).isEqualTo(fixtures.userId("rep3"));
    }

    private Long ownerOf(long customerId) {
        return fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(customerId)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).list().get(0);
    }
}
