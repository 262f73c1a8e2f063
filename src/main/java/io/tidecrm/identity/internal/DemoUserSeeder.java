package io.tidecrm.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.tidecrm.identity.DemoUsers;
import io.tidecrm.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo users of the README: one administrator, two teams with a manager and two
 * reps each. Idempotent (a user or team that exists is left as it is) and never present in
 * the prod profile; called by the demo data at start-up (module demo).
 */
@Component
@Profile("!prod")
class DemoUserSeeder implements DemoUsers {

    /** The one password of every demo user, printed in the README. */
    static final String DEMO_PASSWORD = "TideCrm#2026";

    private static final Logger log = LoggerFactory.getLogger(DemoUserSeeder.class);

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

    DemoUserSeeder(UserAccountRepository users, TeamRepository teams, PasswordEncoder encoder) {
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public Staff ensure() {
        int created = 0;
        // Hashing is slow on purpose: only when a user is missing.
        String hash = allUsers().allMatch(u -> users.existsByUsernameIgnoreCase(u.username())) ? null
                : encoder.encode(DEMO_PASSWORD);
        if (ensureUser(ADMIN, Role.ADMIN, null, hash)) {
            created++;
        }
        List<DemoUsers.Team> staffTeams = new ArrayList<>();
        for (DemoTeam demo : TEAMS) {
            // The entity's name is shadowed by DemoUsers.Team here.
            io.tidecrm.identity.internal.Team team = teams.findAllForListing().stream()
                    .filter(t -> t.getName().equals(demo.name()))
                    .findFirst()
                    .orElseGet(() -> teams.save(new io.tidecrm.identity.internal.Team(demo.name())));
            if (ensureUser(demo.manager(), Role.MANAGER, team, hash)) {
                created++;
            }
            if (team.getManager() == null) {
                team.setManager(users.findByUsernameIgnoreCase(demo.manager().username()).orElseThrow());
            }
            List<Long> reps = new ArrayList<>();
            for (DemoUser rep : demo.reps()) {
                if (ensureUser(rep, Role.REP, team, hash)) {
                    created++;
                }
                reps.add(idOf(rep));
            }
            staffTeams.add(new DemoUsers.Team(team.getId(), team.getName(), team.getManager().getId(),
                    List.copyOf(reps)));
        }
        if (created > 0) {
            log.info("Seeded {} demo users (password in README)", created);
        }
        return new Staff(idOf(ADMIN), List.copyOf(staffTeams));
    }

    private static Stream<DemoUser> allUsers() {
        return Stream.concat(Stream.of(ADMIN),
                TEAMS.stream().flatMap(t -> Stream.concat(Stream.of(t.manager()), t.reps().stream())));
    }

    private long idOf(DemoUser demo) {
        return users.findByUsernameIgnoreCase(demo.username()).orElseThrow().getId();
    }

    private boolean ensureUser(DemoUser demo, Role role, io.tidecrm.identity.internal.Team team, String hash) {
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
