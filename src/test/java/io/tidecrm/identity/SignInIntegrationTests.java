package io.tidecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    UserManagement userManagement;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void demoUsersOfEachRoleCanSignIn() throws Exception {
        for (String name : new String[] { "admin", "manager1", "rep1" }) {
            mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() throws Exception {
        mvc.perform(formLogin("/login").user("rep2").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody-at-all").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(Matchers.containsString("用户名或密码错误")));
    }

    @Test
    void fiveFailuresLockTheNameAndTheLockLiftsAfterItsTime() throws Exception {
        String name = "lockout-" + System.nanoTime();
        createUser(name);
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(name).password("wrong-5")).andExpect(redirectedUrl("/login?throttled"));
        // Locked: even the right password is refused, with the throttle message.
        mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(content().string(Matchers.containsString("15 分钟")));

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?throttled"));
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        String name = "window-" + System.nanoTime();
        createUser(name);
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void unknownNamesAreThrottledLikeRealOnes() throws Exception {
        String name = "ghost-" + System.nanoTime();
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(name).password("x")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(name).password("x")).andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledToo() throws Exception {
        // 100 failures per address in 15 minutes (application.yml), whatever the names.
        for (int i = 0; i < 99; i++) {
            mvc.perform(loginFrom("spray-" + i + "-" + System.nanoTime(), "x", "203.0.113.9"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(loginFrom("spray-last-" + System.nanoTime(), "x", "203.0.113.9"))
                .andExpect(redirectedUrl("/login?throttled"));
        // Even a correct password from that address waits; another address signs in.
        mvc.perform(loginFrom("rep4", TestUsers.DEMO_PASSWORD, "203.0.113.9"))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(loginFrom("rep4", TestUsers.DEMO_PASSWORD, "203.0.113.10"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        MvcResult login = mvc.perform(formLogin("/login").user("rep2").password(TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        // 31 minutes without a request (the configured idle timeout is 30).
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 31 * 60000, "
                + "expiry_time = expiry_time - 31 * 60000").update();
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void disabledUserCannotSignIn() throws Exception {
        String name = "disabled-" + System.nanoTime();
        long id = createUser(name);
        mvc.perform(post("/admin/users/{id}/disable", id).with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void disablingAUserEndsTheirSessions() throws Exception {
        String name = "session-" + System.nanoTime();
        long id = createUser(name);
        MvcResult login = mvc.perform(formLogin("/login").user(name).password(TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("the JDBC session cookie").isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/disable", id).with(users.as("admin")).with(csrf()));

        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void signInIssuesANewSessionId() throws Exception {
        MvcResult before = mvc.perform(get("/login")).andReturn();
        Cookie anonymous = before.getResponse().getCookie("SESSION");
        assertThat(anonymous).isNotNull();
        MvcResult after = mvc.perform(post("/login").cookie(anonymous).with(csrf())
                .param("username", "rep1").param("password", TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie signedIn = after.getResponse().getCookie("SESSION");
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
    }

    @Test
    void rememberMeSetsAPersistentCookie() throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", "rep2")
                .param("password", TestUsers.DEMO_PASSWORD).param("remember-me", "on"))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie rememberMe = result.getResponse().getCookie("remember-me");
        assertThat(rememberMe).isNotNull();
        assertThat(rememberMe.isHttpOnly()).isTrue();
        mvc.perform(get("/").cookie(rememberMe)).andExpect(status().isOk());
    }

    @Test
    void userChangesOwnPassword() throws Exception {
        String name = "changer-" + System.nanoTime();
        createUser(name);
        mvc.perform(post("/account/password").with(users.as(name)).with(csrf())
                .param("currentPassword", "not-it").param("newPassword", "NewSecret#1")
                .param("confirmPassword", "NewSecret#1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("当前密码不正确")));
        mvc.perform(post("/account/password").with(users.as(name)).with(csrf())
                .param("currentPassword", TestUsers.DEMO_PASSWORD).param("newPassword", "short")
                .param("confirmPassword", "short"))
                .andExpect(content().string(Matchers.containsString("密码至少需要 8 个字符")));
        mvc.perform(post("/account/password").with(users.as(name)).with(csrf())
                .param("currentPassword", TestUsers.DEMO_PASSWORD).param("newPassword", "NewSecret#1")
                .param("confirmPassword", "NewSecret#1"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(name).password("NewSecret#1")).andExpect(redirectedUrl("/"));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginFrom(String user,
            String password, String address) {
        return post("/login").with(csrf()).param("username", user).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private long createUser(String name) throws Exception {
        mvc.perform(post("/admin/users").with(users.as("admin")).with(csrf())
                .param("username", name).param("displayName", "测试 " + name).param("role", "REP")
                .param("enabled", "true").param("password", TestUsers.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/admin/users"));
        return userManagement.findByUsername(name).orElseThrow().id();
    }
}
