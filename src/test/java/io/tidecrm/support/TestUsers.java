package io.tidecrm.support;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
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
    private final UserManagement userManagement;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;

    public TestUsers(UserDetailsService users, UserManagement userManagement,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.users = users;
        this.userManagement = userManagement;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    public CurrentUser principal(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /**
     * A fresh user of its own for a test that changes what a user owns, in the team of
     * {@code teamOf} (a demo user's name) or in none.
     */
    public CurrentUser newUser(String prefix, Role role, String teamOf) {
        String name = prefix + "-" + System.nanoTime();
        Long teamId = teamOf == null ? null : userManagement.findByUsername(teamOf).orElseThrow().teamId();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, team_id, password_hash)
                VALUES (?, ?, ?, ?, ?)
                """).params(name, "测试" + name, role.name(), teamId, encoder.encode(DEMO_PASSWORD)).update();
        return principal(name);
    }

    /** A fresh manager who leads a fresh team of their own (add its reps with {@code newUser(..., manager)}). */
    public CurrentUser newManagerOfNewTeam(String prefix) {
        CurrentUser manager = newUser(prefix, Role.MANAGER, null);
        long team = jdbc.sql("INSERT INTO team (name, manager_id) VALUES (?, ?) RETURNING id")
                .params(prefix + "组" + System.nanoTime(), manager.id()).query(Long.class).single();
        jdbc.sql("UPDATE app_user SET team_id = ? WHERE id = ?").params(team, manager.id()).update();
        return principal(manager.getUsername());
    }
}
