package io.tidecrm.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The global search: every kind found by each of its keys, only inside the viewer's scope
 * (rep: own, manager: their team, admin: all), and any text answers a page, never an error.
 */
@IntegrationTest
class SearchIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    String tag;
    String customerName;
    String creditCode;
    String contactName;
    String mobile;
    String email;
    String opportunityTitle;
    String contractTitle;
    long customer;

    @BeforeEach
    void rep1HasOneOfEachKind() {
        long n = System.nanoTime() % 1_000_000_000L;
        tag = "搜" + n;
        customerName = "潮汐" + tag + "科技有限公司";
        creditCode = "91330" + String.format("%09d", n) + "SRCH".substring(0, 4);
        mobile = "139" + String.format("%08d", n % 100_000_000L);
        email = "buyer" + n + "@example.cn";
        contactName = "联系人" + tag;
        opportunityTitle = "商机" + tag;
        contractTitle = "合同" + tag;
        long rep1 = fixtures.userId("rep1");
        customer = fixtures.insert(customerName, "B", "INTENT", rep1);
        var jdbc = fixtures.jdbc();
        jdbc.sql("UPDATE customer SET credit_code = ? WHERE id = ?").params(creditCode, customer).update();
        long contact = fixtures.insertContact(customer, contactName);
        jdbc.sql("UPDATE contact SET mobile = ?, email = ? WHERE id = ?").params(mobile, email, contact).update();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, probability, expected_close_date, created_by_id,
                                         created_at, updated_at)
                VALUES (?, ?, ?, 'LEAD', 1000, 10, ?, ?, ?, ?)
                """).params(customer, rep1, opportunityTitle, LocalDate.of(2030, 1, 1), rep1, now, now).update();
        jdbc.sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      created_by_id, created_at, updated_at)
                VALUES (?, ?, ?, 'NOT_STARTED', 'DIRECT', 'BANK_TRANSFER', ?, 0, ?, ?, ?)
                """).params(customer, rep1, contractTitle, LocalDate.of(2026, 1, 1), rep1, now, now).update();
    }

    @Test
    void eachKindIsFoundByEachOfItsKeys() throws Exception {
        String byName = body("rep1", tag);
        assertThat(byName).contains(customerName, contactName, opportunityTitle, contractTitle)
                .contains("href=\"/customers/" + customer + "\"")
                .contains("/customers?q=").contains("/contacts?q=").contains("/contracts?q=");
        // Customers by their credit code, whole or its start, in any case.
        assertThat(body("rep1", creditCode)).contains(customerName);
        assertThat(body("rep1", creditCode.substring(0, 12).toLowerCase())).contains(customerName);
        // Contacts by their mobile, whole or its start, and by their e-mail.
        assertThat(body("rep1", mobile)).contains(contactName);
        assertThat(body("rep1", mobile.substring(0, 7))).contains(contactName);
        assertThat(body("rep1", email.toUpperCase())).contains(contactName);
        assertThat(body("rep1", email.substring(0, email.indexOf('@')))).contains(contactName);
        // Opportunities and contracts by their own title and by their customer's name.
        assertThat(body("rep1", opportunityTitle)).contains(opportunityTitle).doesNotContain(contractTitle);
        assertThat(body("rep1", contractTitle)).contains(contractTitle).doesNotContain(opportunityTitle);
    }

    @Test
    void onlyInsideTheViewersScope() throws Exception {
        for (String insider : List.of("rep1", "manager1", "admin")) {
            assertThat(body(insider, tag)).as(insider).contains(customerName, contactName, opportunityTitle,
                    contractTitle);
        }
        for (String outsider : List.of("rep2", "rep3", "manager2")) {
            for (String q : List.of(tag, creditCode, mobile, email)) {
                String body = body(outsider, q);
                assertThat(body).as(outsider + " " + q).doesNotContain(customerName).doesNotContain(contactName)
                        .doesNotContain(opportunityTitle).doesNotContain(contractTitle)
                        .doesNotContain("/customers/" + customer + "\"");
            }
        }
    }

    @Test
    void theLiveResultsAreAFragmentInsideTheSameScope() throws Exception {
        String live = mvc.perform(get("/search").param("q", tag).header("HX-Request", "true").with(users.as("rep1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(live).contains(customerName).doesNotContain("<html").doesNotContain("<nav");
        String outsider = mvc.perform(get("/search").param("q", tag).header("HX-Request", "true")
                .with(users.as("rep3"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outsider).doesNotContain(customerName);
    }

    @Test
    void emptyShortAndGarbledQueriesAnswerAPage() throws Exception {
        for (String q : List.of("", " ", "潮", "a", "%", "%_\\", "'; DROP TABLE customer; --", "\u0000x", "\uD83D\uDE00",
                "a".repeat(5000), "(((", "[*]")) {
            mvc.perform(get("/search").param("q", q).with(users.as("rep1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/search").with(users.as("rep1"))).andExpect(status().isOk());
        assertThat(body("rep1", "潮")).contains("id=\"search-too-short\"");
        // LIKE's wildcards are literal: "%" finds no contact by mobile or e-mail.
        assertThat(body("rep1", "%%")).doesNotContain(contactName);
        assertThat(body("admin", "__")).doesNotContain(contactName);
    }

    @Test
    void theQueryIsShownAsTextNeverMarkup() throws Exception {
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        String body = body("rep1", payload);
        assertThat(body).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/search").param("q", tag)).andExpect(status().is3xxRedirection());
    }

    private String body(String username, String q) throws Exception {
        return mvc.perform(get("/search").param("q", q).with(users.as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
