package io.tidecrm.integration;

import static io.tidecrm.support.ApiTokenFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Each user makes, uses and revokes their own access tokens on their account page; the secret is stored hashed. */
@IntegrationTest
class AccessTokenPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    /** A rep of their own: other tests leave rep1 with tokens (at most 20 are active at once). */
    String rep;

    @org.junit.jupiter.api.BeforeEach
    void freshRep() {
        rep = users.newUser("令牌页", io.tidecrm.identity.Role.REP, "rep1").getUsername();
    }

    private String create(String username, String name, String scope) throws Exception {
        return (String) mvc.perform(post("/account/tokens").with(users.as(username)).with(csrf())
                .param("name", name).param("scope", scope).param("days", "30"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("newToken");
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
        String name = "句客宝" + System.nanoTime();
        String secret = create(rep, name, "READ_WRITE");
        assertThat(secret).startsWith("tcrm_").hasSizeGreaterThan(40);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM api_token WHERE token_hash = ? OR prefix = ?")
                .params(secret, secret).query(Integer.class).single()).as("the secret itself is not stored").isZero();
        // The list shows its name and prefix, never the secret.
        mvc.perform(get("/account/tokens").with(users.as(rep))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(secret))));
        mvc.perform(get("/api/v1/customers").with(bearer(secret))).andExpect(status().isOk());

        long id = fixtures.jdbc().sql("SELECT id FROM api_token WHERE name = ?").param(name).query(Long.class).single();
        // Another user cannot revoke it.
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(users.as("rep2")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers").with(bearer(secret))).andExpect(status().isOk());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(users.as(rep)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/customers").with(bearer(secret))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token.revoked"));
    }

    @Test
    void aTokenFormWithoutNameOrWithTooLongALifeIsShownAgainWithItsErrors() throws Exception {
        mvc.perform(post("/account/tokens").with(users.as(rep)).with(csrf())
                .param("name", "").param("scope", "READ").param("days", "9999"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")))
                .andExpect(content().string(Matchers.containsString("value=\"9999\"")));
        mvc.perform(post("/account/tokens").with(users.as(rep)).with(csrf())
                .param("name", "x").param("scope", "ADMIN").param("days", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
    }

    @Test
    void aReadOnlyTokenMadeOnThePageCannotWrite() throws Exception {
        String secret = create(rep, "只读" + System.nanoTime(), "READ");
        long customer = fixtures.customerOf(rep, "页面只读");
        mvc.perform(post("/api/v1/customers/" + customer + "/grab").with(bearer(secret)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("token.readOnly"));
    }
}
