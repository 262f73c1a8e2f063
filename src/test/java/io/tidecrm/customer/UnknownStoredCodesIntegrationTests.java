package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A stored code that is none of an enum's constants (written by hand or by an import) never breaks a page. */
@IntegrationTest
class UnknownStoredCodesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownStaffSizeOrServiceCodeIsShownAsNotKnownNotAsAServerError() throws Exception {
        long id = fixtures.insert(CustomerFixtures.uniqueName("未知编码"), "B", "FIRST_VISIT", fixtures.userId("rep1"));
        jdbc.sql("""
                UPDATE customer SET staff_size = 'HUGE', jkb_service_code_status = 'LEGACY', jzmh_retention = 'SOMETIMES'
                WHERE id = ?
                """).param(id).update();

        for (String page : new String[] { "/customers/" + id, "/customers/" + id + "/edit", "/customers" }) {
            MvcResult result = mvc.perform(get(page).with(users.as("rep1"))).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).as(page).doesNotContain("HUGE", "LEGACY", "??");
        }
    }

    @Test
    void aCustomerWithAStatusThisVersionDoesNotKnowIsListedWithoutAStatusNotAsAServerError() throws Exception {
        CurrentUser rep = users.newUser("未知状态列表", Role.REP, null);
        String name = CustomerFixtures.uniqueName("未知状态");
        fixtures.insert(name, "B", "NEGOTIATING_LATER", rep.id());

        MvcResult result = mvc.perform(get("/customers").with(users.as(rep.getUsername()))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains(name).doesNotContain("NEGOTIATING_LATER", "??");
    }
}
