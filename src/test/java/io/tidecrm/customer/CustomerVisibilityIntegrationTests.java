package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * A rep sees their own customers, a manager the team's, an administrator all; every other id
 * answers 404 exactly like a missing one, on every customer, contact and follow-up route.
 */
@IntegrationTest
class CustomerVisibilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    long customerId;
    long contactId;
    long followUpId;
    String customerName;

    @BeforeEach
    void rep1OwnsACustomerWithAContactAndAFollowUp() {
        customerName = CustomerFixtures.uniqueName("可见性");
        customerId = fixtures.insert(customerName, "B", "INTENT", fixtures.userId("rep1"));
        contactId = fixtures.insertContact(customerId, "王联系" + customerId);
        followUpId = fixtures.jdbc().sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                VALUES (?, ?, 'PHONE', now(), now(), '可见性测试跟进') RETURNING id
                """).params(customerId, fixtures.userId("rep1")).query(Long.class).single();
    }

    /** Every route that takes a customer, contact or follow-up id. */
    private List<MockHttpServletRequestBuilder> routes(long customer, long contact, long followUp) {
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).toString();
        return List.of(
                get("/customers/{id}", customer),
                get("/customers/{id}/edit", customer),
                post("/customers/{id}", customer).param("name", "改名").param("type", "B").param("status", "INTENT")
                        .param("source", "OTHER").param("version", "0"),
                get("/customers/{id}/transfer", customer),
                post("/customers/{id}/transfer", customer).param("targetUserId", "1").param("reason", "x"),
                get("/customers/{id}/follow-ups", customer),
                post("/customers/{id}/follow-ups", customer).param("kind", "PHONE").param("occurredAt", now)
                        .param("content", "越权跟进"),
                post("/customers/{c}/follow-ups/{f}/corrections", customer, followUp).param("content", "越权更正"),
                get("/customers/{id}/contacts/new", customer),
                post("/customers/{id}/contacts", customer).param("name", "越权联系人"),
                get("/contacts/{id}/edit", contact),
                post("/contacts/{id}", contact).param("name", "越权改名").param("version", "0"));
    }

    @Test
    void repsOfTheSameOrAnotherTeamAndAnotherTeamsManagerGetNotFoundOnEveryRoute() throws Exception {
        int checked = 0;
        for (String outsider : new String[] { "rep2", "rep3", "manager2" }) {
            for (MockHttpServletRequestBuilder route : routes(customerId, contactId, followUpId)) {
                int status = mvc.perform(route.with(users.as(outsider)).with(csrf())).andReturn().getResponse()
                        .getStatus();
                // Transfer routes are refused to reps by role (403) before the id is looked at.
                String uri = route.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
                if (outsider.startsWith("rep") && uri.endsWith("/transfer")) {
                    assertThat(status).as(outsider + " " + uri).isEqualTo(403);
                } else {
                    assertThat(status).as(outsider + " " + uri).isEqualTo(404);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(36);
        // Nothing was changed by the refused requests.
        assertThat(fixtures.jdbc().sql("SELECT name FROM customer WHERE id = ?").param(customerId)
                .query(String.class).single()).isEqualTo(customerName);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customerId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM contact WHERE customer_id = ?").param(customerId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMissingIdAnswersExactlyLikeAForeignOne() throws Exception {
        for (MockHttpServletRequestBuilder route : routes(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)) {
            assertThat(mvc.perform(route.with(users.as("manager2")).with(csrf())).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        }
    }

    @Test
    void ownerTheirManagerAndAdministratorsSeeIt() throws Exception {
        for (String insider : new String[] { "rep1", "manager1", "admin" }) {
            mvc.perform(get("/customers/{id}", customerId).with(users.as(insider))).andExpect(status().isOk());
            mvc.perform(get("/customers/{id}/follow-ups", customerId).with(users.as(insider)))
                    .andExpect(status().isOk());
            mvc.perform(get("/contacts/{id}/edit", contactId).with(users.as(insider))).andExpect(status().isOk());
        }
    }

    @Test
    void listsShowOnlyWhatTheViewerMaySee() throws Exception {
        String customerLink = "href=\"/customers/" + customerId + "\"";
        String contactLink = "href=\"/contacts/" + contactId + "/edit\"";
        for (String insider : new String[] { "rep1", "manager1", "admin" }) {
            assertThat(body(get("/customers").param("q", customerName), insider)).contains(customerLink);
            assertThat(body(get("/contacts").param("q", "王联系" + customerId), insider)).contains(contactLink);
        }
        for (String outsider : new String[] { "rep2", "rep3", "manager2" }) {
            assertThat(body(get("/customers").param("q", customerName), outsider)).doesNotContain(customerLink);
            assertThat(body(get("/contacts").param("q", "王联系" + customerId), outsider)).doesNotContain(contactLink);
            // The owner filter cannot widen the scope either.
            assertThat(body(get("/customers").param("owner", String.valueOf(fixtures.userId("rep1"))), outsider))
                    .doesNotContain(customerLink);
        }
    }

    private String body(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(users.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
