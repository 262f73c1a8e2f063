package io.tidecrm.identity;

import java.util.List;

/**
 * The demo users of the README, for a developer's copy only (never in the prod profile): one
 * administrator and two teams, each with a manager and two reps, all with the password
 * {@code TideCrm#2026}. The other modules' demo data hangs its records on them.
 */
public interface DemoUsers {

    /** Creates the demo users and teams that are missing (an existing one is left as it is) and says who they are. */
    Staff ensure();

    /** The demo administrator and teams. */
    record Staff(long adminId, List<Team> teams) {

        /** The reps of all teams, team by team. */
        public List<Long> repIds() {
            return teams.stream().flatMap(t -> t.repIds().stream()).toList();
        }

        /** The team of a rep or manager. */
        public Team teamOf(long userId) {
            return teams.stream().filter(t -> t.managerId() == userId || t.repIds().contains(userId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Not a demo team member: " + userId));
        }
    }

    /** A demo team with its manager and reps. */
    record Team(long id, String name, long managerId, List<Long> repIds) {
    }
}
