package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The customer page offers only the ownership moves that the rules allow, and its history names each person once. */
@IntegrationTest
class CustomerOwnershipPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTransferFormDoesNotOfferTheCurrentOwner() throws Exception {
        long rep1 = fixtures.userId("rep1");
        long rep2 = fixtures.userId("rep2");
        long id = fixtures.insert(CustomerFixtures.uniqueName("转移"), "B", "FIRST_VISIT", rep1);
        String form = page("manager1", "/customers/" + id + "/transfer");
        assertThat(form).doesNotContain("value=\"" + rep1 + "\"").contains("value=\"" + rep2 + "\"");
    }

    @Test
    void aWonCustomerIsNeitherOfferedForReleaseNorReleased() throws Exception {
        long rep1 = fixtures.userId("rep1");
        long id = fixtures.insert(CustomerFixtures.uniqueName("成交"), "A", "WON", rep1);
        assertThat(page("rep1", "/customers/" + id)).doesNotContain("/customers/" + id + "/release");

        String answer = mvc.perform(post("/customers/{id}/release", id).with(users.as("rep1")).with(csrf())
                .param("reason", "NO_NEED")).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("成交客户由负责人继续维护，不能放入公海。");
        assertThat(jdbc.sql("SELECT owner_id FROM customer WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(rep1);
    }

    @Test
    void theOwnerHistoryNamesTheCreatorOnceNotAgainInParentheses() throws Exception {
        String name = CustomerFixtures.uniqueName("历史");
        mvc.perform(post("/customers").with(users.as("rep1")).with(csrf()).param("name", name).param("type", "C")
                .param("status", "FIRST_VISIT").param("source", "OTHER"));
        long id = jdbc.sql("SELECT id FROM customer WHERE name = ?").param(name).query(Long.class).single();
        String rep1Name = jdbc.sql("SELECT display_name FROM app_user WHERE username = 'rep1'").query(String.class)
                .single();
        String history = page("rep1", "/customers/" + id);
        history = history.substring(history.indexOf("id=\"owner-history\""));
        history = history.substring(0, history.indexOf("</ul>"));
        assertThat(history).contains(rep1Name).doesNotContain("（" + rep1Name + "）", "(" + rep1Name + ")");
    }

    @Test
    void aContactsMobileAndEMailAreLinksThatCallTextAndWrite() throws Exception {
        long id = fixtures.insert(CustomerFixtures.uniqueName("联系"), "B", "FIRST_VISIT", fixtures.userId("rep1"));
        long contact = fixtures.insertContact(id, "王芳");
        jdbc.sql("UPDATE contact SET mobile = '138 0013 8000', email = 'wang@example.com' WHERE id = ?").param(contact)
                .update();
        for (String url : new String[] { "/customers/" + id, "/contacts?q=" + "王芳" }) {
            assertThat(page("rep1", url)).as(url).contains("href=\"tel:13800138000\"", "href=\"sms:13800138000\"",
                    "href=\"mailto:wang@example.com\"");
        }
    }

    @Test
    void anEmptyNextFollowUpKeepsItsRowInTheFactsCard() throws Exception {
        long id = fixtures.insert(CustomerFixtures.uniqueName("空行"), "B", "FIRST_VISIT", fixtures.userId("rep1"));
        String facts = page("rep1", "/customers/" + id + "/facts");
        assertThat(facts.replaceAll("\\s+", " ")).containsPattern("下次跟进[^<]*</dt> <dd[^>]*>—</dd>");
        // The reload after a follow-up also refreshes the header's status badge, out of band.
        assertThat(facts).containsPattern("id=\"status-badge\"[^>]*hx-swap-oob=\"true\"");
    }

    private String page(String user, String url) throws Exception {
        var response = mvc.perform(get(url).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
