package io.tidecrm.identity.internal;

import java.util.List;

import io.tidecrm.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo users of the README: one administrator, two teams with a manager and two
 * reps each. Idempotent (a user or team that exists is left as it is) and never active in
 * the prod profile.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("tidecrm.demo-data.enabled")
@Order(10)
class DemoDataSeeder implements ApplicationRunner {

    /** The one password of every demo user, printed in the README. */
    static final String DEMO_PASSWORD = "TideCrm#2026";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private record DemoTeam(String name, DemoUser manager, List<DemoUser> reps) {
    }

    private record DemoUser(String username, String displayName, String email) {
    }

    private static final DemoUser ADMIN = new DemoUser("admin", "系统管理员", "admin@tidecrm.example");

    private static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("华东销售组", new DemoUser("manager1", "王经理", "manager1@tidecrm.example"),
                    List.of(new DemoUser("rep1", "张伟", "rep1@tidecrm.example"),
                            new DemoUser("rep2", "李娜", "rep2@tidecrm.example"))),
            new DemoTeam("华南销售组", new DemoUser("manager2", "陈经理", "manager2@tidecrm.example"),
                    List.of(new DemoUser("rep3", "刘洋", "rep3@tidecrm.example"),
                            new DemoUser("rep4", "赵敏", "rep4@tidecrm.example"))));

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;

    DemoDataSeeder(UserAccountRepository users, TeamRepository teams, PasswordEncoder encoder) {
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        String hash = encoder.encode(DEMO_PASSWORD);
        if (ensureUser(ADMIN, Role.ADMIN, null, hash)) {
            created++;
        }
        for (DemoTeam demo : TEAMS) {
            Team team = teams.findAllForListing().stream()
                    .filter(t -> t.getName().equals(demo.name()))
                    .findFirst()
                    .orElseGet(() -> teams.save(new Team(demo.name())));
            if (ensureUser(demo.manager(), Role.MANAGER, team, hash)) {
                created++;
            }
            if (team.getManager() == null) {
                team.setManager(users.findByUsernameIgnoreCase(demo.manager().username()).orElseThrow());
            }
            for (DemoUser rep : demo.reps()) {
                if (ensureUser(rep, Role.REP, team, hash)) {
                    created++;
                }
            }
        }
        if (created > 0) {
            log.info("Seeded {} demo users (password in README)", created);
        }
    }

    private boolean ensureUser(DemoUser demo, Role role, Team team, String hash) {
        if (users.existsByUsernameIgnoreCase(demo.username())) {
            return false;
        }
        UserAccount user = new UserAccount(demo.username(), demo.displayName(), role, hash);
        user.setEmail(demo.email());
        user.setTeam(team);
        users.saveAndFlush(user);
        return true;
    }
}
