package io.tidecrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing out ends the session on the server (the cookie's attributes: {@code SignInBrowserTests}). */
@IntegrationTest
class SessionCookieIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void signOutEndsTheSession() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("rep2").password(TestUsers.DEMO_PASSWORD)).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/logout").cookie(session).with(csrf()));

        // The old cookie no longer signs anyone in, on this node or any other (the session row is gone).
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(302);
    }
}
