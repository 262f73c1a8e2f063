package io.tidecrm.identity;

import java.util.List;
import java.util.Optional;

/** Read access to users and teams for the other modules. */
public interface UserManagement {

    Optional<UserSummary> findUser(long id);

    /** The user with this name, ignoring case. */
    Optional<UserSummary> findByUsername(String username);

    /** Enabled users, ordered by team and display name. */
    List<UserSummary> findEnabledUsers();

    /** All teams with their managers, by name. */
    List<TeamSummary> findTeams();

    /** Enabled members of a team, ordered by display name. */
    List<UserSummary> findTeamMembers(long teamId);
}
