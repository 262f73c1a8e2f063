package io.tidecrm.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.TeamSpell;
import io.tidecrm.identity.TeamSummary;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams for the other modules ({@link UserManagement}): reads only. */
@Service
@Transactional(readOnly = true)
class UserDirectory implements UserManagement {

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final TeamHistory teamHistory;
    private final JdbcClient jdbc;

    UserDirectory(UserAccountRepository users, TeamRepository teams, TeamHistory teamHistory, JdbcClient jdbc) {
        this.users = users;
        this.teams = teams;
        this.teamHistory = teamHistory;
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, List<TeamSpell>> teamHistory(Collection<Long> userIds) {
        return teamHistory.of(userIds);
    }

    @Override
    public Optional<UserSummary> findUser(long id) {
        return users.findById(id).map(UserAccount::toSummary);
    }

    @Override
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(UserAccount::toSummary);
    }

    @Override
    public List<UserSummary> findEnabledUsers() {
        return users.findEnabledSummaries();
    }

    @Override
    public List<UserSummary> findTeamMembers(long teamId) {
        return users.findEnabledByTeam(teamId).stream().map(UserAccount::toSummary).toList();
    }

    @Override
    public Map<Long, UserSummary> findUsers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // A page names users in several places (owners, authors, history): within its read-only
        // transaction each user is read once, and a later lookup reads only the ones not yet seen.
        Map<Long, UserSummary> seen = RequestMemo.getWhileReadOnly("users", HashMap::new);
        Set<Long> missing = ids.stream().filter(id -> !seen.containsKey(id)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            summaries(missing).forEach(u -> seen.put(u.id(), u));
        }
        Map<Long, UserSummary> found = new HashMap<>();
        ids.forEach(id -> {
            if (seen.containsKey(id)) {
                found.put(id, seen.get(id));
            }
        });
        return found;
    }

    @Override
    public Set<Long> managedUserIds(long managerId) {
        // Every scoped read of a manager's page asks this (the list, its tag choices, the owner
        // choice): once per request.
        return RequestMemo.get("managedUserIds." + managerId, () -> {
            Set<Long> ids = new HashSet<>(users.findIdsInTeamsManagedBy(managerId));
            ids.add(managerId);
            return Set.copyOf(ids);
        });
    }

    @Override
    public Set<Long> managersOf(long userId) {
        return Set.copyOf(users.findManagerIdsOf(userId));
    }

    /**
     * The users of these ids as summaries, in one statement whatever their number. Not the derived
     * query {@code findWithTeamByIdIn}: an {@code IN} list of a new length is a new SQL AST for
     * Hibernate, translated again (and its entities hydrated) on every page that names users, 10 to
     * 17 % of a list or customer page's CPU (issue 14, JFR); an array parameter is one plan.
     */
    private List<UserSummary> summaries(Collection<Long> ids) {
        return jdbc.sql("""
                        SELECT u.id, u.username, u.display_name, u.role, t.id AS team_id, t.name AS team_name, u.enabled, u.email
                        FROM app_user u LEFT JOIN team t ON t.id = u.team_id
                        WHERE u.id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new UserSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("team_id", Long.class), rs.getString("team_name"),
                        rs.getBoolean("enabled"), rs.getString("email")))
                .list();
    }

    @Override
    public Set<Long> enabledAdminIds() {
        // Ids only: no entities (and their teams) to load for a visibility check.
        return Set.copyOf(users.findEnabledIdsByRole(Role.ADMIN));
    }

    @Override
    public List<TeamSummary> findTeams() {
        return teams.findAllForListing().stream().map(Team::toSummary).toList();
    }
}
