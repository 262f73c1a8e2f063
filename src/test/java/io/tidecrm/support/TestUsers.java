package io.tidecrm.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as a seeded user, with the same principal a real sign-in yields. */
@Component
public class TestUsers {

    /** The password of every demo user (see README). */
    public static final String DEMO_PASSWORD = "TideCrm#2026";

    private final UserDetailsService users;

    public TestUsers(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }
}
