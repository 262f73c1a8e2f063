package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@IntegrationTest
class SecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anonymousUserIsSentToSignIn() throws Exception {
        for (String path : List.of("/", "/admin/users", "/admin/teams", "/catalog/products", "/account/password",
                "/account/tokens", "/admin/webhooks/deliveries", "/swagger-ui.html")) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        }
    }

    @Test
    void signInPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Username")));
    }

    /** Every GET route under /admin, enumerated from the mappings so that a new one cannot be missed. */
    @Test
    void repGetsForbiddenOnEveryAdminPage() throws Exception {
        Set<String> adminPaths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/admin") && (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                    adminPaths.add(pattern.replaceAll("\\{[^}]+}", "1"));
                }
            }
        });
        assertThat(adminPaths).contains("/admin/users", "/admin/teams", "/admin/users/new");
        for (String path : adminPaths) {
            mvc.perform(get(path).with(users.as("rep1"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.as("manager1"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").with(users.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/teams").param("name", "无令牌团队").with(users.as("admin")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "rep1").param("password", TestUsers.DEMO_PASSWORD))
                .andExpect(status().isForbidden());
        // The same post with its token goes through, so the refusal above was the token's doing.
        mvc.perform(post("/admin/teams").param("name", "有令牌团队").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /**
     * The API skips the CSRF check only for a request that carries a bearer token (which a browser
     * never adds by itself); a session cookie gets no exemption, and the token pages keep theirs.
     */
    @Test
    void theApiIsExemptFromCsrfOnlyWithABearerToken() throws Exception {
        String body = "{\"type\":\"B\",\"source\":\"SEARCH_ENGINE\"}";
        mvc.perform(post("/api/v1/customers").with(users.as("admin"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        String token = io.tidecrm.support.ApiTokenFixtures.readWrite(
                jdbc(), users.principal("admin").id());
        // No CSRF token, but a bearer token: the request reaches the API (and fails validation, not CSRF).
        mvc.perform(post("/api/v1/customers").with(io.tidecrm.support.ApiTokenFixtures.bearer(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/tokens").param("name", "无令牌").param("scope", "READ").param("days", "30")
                .with(users.as("rep1"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks/subscriptions").param("name", "无令牌").with(users.as("admin")))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbcClient;
    }

    @Test
    void leadPostsWithoutCsrfTokenAreRefusedAndOnlyTheWebsiteFormIsExempt() throws Exception {
        for (String path : List.of("/leads", "/leads/1", "/leads/1/confirm", "/leads/1/invalid", "/leads/1/review",
                "/leads/1/assign", "/leads/1/nurture", "/leads/1/close", "/leads/1/return", "/leads/1/pick",
                "/leads/1/follow-ups", "/leads/1/convert", "/admin/leads/settings", "/admin/leads/capacity",
                "/admin/leads/rules", "/admin/leads/rules/1", "/admin/leads/rules/1/delete", "/admin/leads/run")) {
            mvc.perform(post(path).with(users.as("admin"))).andExpect(status().isForbidden());
        }
        // The website form has no session and no token: it is protected by its rate limit, honeypot and size limit.
        mvc.perform(post("/public/leads").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"companyName\":\"\"}").with(request -> {
                            request.setRemoteAddr("10.77.0.1");
                            return request;
                        }))
                .andExpect(status().isBadRequest());
    }

    @Test
    void pagesCarrySecurityHeadersThatTheirMarkupSatisfies() throws Exception {
        String body = mvc.perform(get("/").with(users.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString();
        // script-src 'self' and style-src 'self': no inline script, handler or style in the page.
        assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("style=")
                .doesNotContain("<style");
    }

    @Test
    void unknownPageGivesTheNotFoundPage() throws Exception {
        mvc.perform(get("/no-such-page").with(users.as("rep1")))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownUserIdGivesNotFound() throws Exception {
        mvc.perform(get("/admin/users/999999/edit").with(users.as("admin")))
                .andExpect(status().isNotFound());
    }
}
