package io.tidecrm.identity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read access to users and teams for the other modules. */
public interface UserManagement {

    Optional<UserSummary> findUser(long id);

    /** The user with this name, ignoring case. */
    Optional<UserSummary> findByUsername(String username);

    /** Enabled users, ordered by team and display name. */
    List<UserSummary> findEnabledUsers();

    /** All teams with their managers, by name. */
    List<TeamSummary> findTeams();

    /** The users with these ids, in one query; unknown ids are absent from the map. */
    Map<Long, UserSummary> findUsers(Collection<Long> ids);

    /**
     * The users whose records a manager sees: every member (enabled or not) of the teams the
     * manager leads, and the manager. For anyone else, only themselves.
     */
    Set<Long> managedUserIds(long managerId);

    /** The managers of the team the user belongs to (empty when none). */
    Set<Long> managersOf(long userId);

    /** Enabled administrators. */
    Set<Long> enabledAdminIds();

    /**
     * The teams each of these users has belonged to, oldest first; a user whose team has never
     * changed since the history began has one spell. Unknown ids are absent from the map.
     */
    Map<Long, List<TeamSpell>> teamHistory(Collection<Long> userIds);

    /** Enabled members of a team, ordered by display name. */
    List<UserSummary> findTeamMembers(long teamId);

    /**
     * The owners a viewer may filter a list by: for a manager the users of {@link #managedUserIds}
     * (enabled or not, by name), for an administrator every enabled user but administrators, for
     * a rep nobody (a rep's lists hold their own records only).
     */
    default List<UserSummary> ownersVisibleTo(CurrentUser viewer) {
        return switch (viewer.role()) {
            case REP -> List.of();
            case MANAGER -> findUsers(managedUserIds(viewer.id())).values().stream()
                    .sorted(Comparator.comparing(UserSummary::displayName)).toList();
            case ADMIN -> findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN).toList();
        };
    }
}
