package io.tidecrm.identity.internal;

import io.tidecrm.support.RuleViolation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserSummary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The administrator's pages (and a user's own password): creates and changes users and teams,
 * keeping identity's rules: unique names, the password policy, at least one enabled
 * administrator, and a user who is disabled or whose password is reset is signed out
 * everywhere. The other modules read users and teams through {@link UserDirectory}.
 */
@Service
@Transactional
class UserAdministration {

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;
    private final TeamHistory teamHistory;

    UserAdministration(UserAccountRepository users, TeamRepository teams, PasswordEncoder encoder,
            PasswordPolicy policy, FindByIndexNameSessionRepository<? extends Session> sessions,
            PersistentTokenRepository rememberMeTokens, TeamHistory teamHistory) {
        this.teamHistory = teamHistory;
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    @Transactional(readOnly = true)
    List<UserSummary> listUsers() {
        return users.findAllForListing().stream().map(UserAccount::toSummary).toList();
    }

    @Transactional(readOnly = true)
    Optional<UserAccount> findAccount(long id) {
        // The team comes along: the edit form reads it after the transaction.
        return users.findWithTeamById(id);
    }

    long createUser(UserForm form) {
        String username = form.username().strip();
        if (users.existsByUsernameIgnoreCase(username)) {
            throw new RuleViolation("username", "user.username.taken");
        }
        policy.require("password", form.password());
        UserAccount user = new UserAccount(username, form.displayName().strip(), form.role(),
                encoder.encode(form.password()));
        apply(user, form);
        long id;
        try {
            id = users.saveAndFlush(user).getId();
        } catch (DataIntegrityViolationException e) {
            // Another request created the same name between the check and the insert.
            throw new RuleViolation("username", "user.username.taken");
        }
        teamHistory.started(id, form.teamId());
        return id;
    }

    void updateUser(long id, UserForm form) {
        UserAccount user = users.findById(id).orElseThrow(NotFound::new);
        checkVersion(user.getVersion(), form.version());
        boolean wasActiveAdmin = user.getRole() == Role.ADMIN && user.isEnabled();
        boolean staysActiveAdmin = form.role() == Role.ADMIN && form.isEnabled();
        if (wasActiveAdmin && !staysActiveAdmin) {
            requireAnotherAdmin(user, form.role() != Role.ADMIN ? "role" : "enabled");
        }
        boolean disabling = user.isEnabled() && !form.isEnabled();
        Long oldTeam = user.getTeam() == null ? null : user.getTeam().getId();
        user.setDisplayName(form.displayName().strip());
        user.setRole(form.role());
        user.setEnabled(form.isEnabled());
        apply(user, form);
        users.flush();
        teamHistory.changed(user.getId(), oldTeam, form.teamId());
        if (disabling) {
            endSessions(user.getUsername());
        }
    }

    void setEnabled(long id, boolean enabled) {
        UserAccount user = users.findById(id).orElseThrow(NotFound::new);
        if (!enabled && user.isEnabled() && user.getRole() == Role.ADMIN) {
            requireAnotherAdmin(user, "enabled");
        }
        user.setEnabled(enabled);
        users.flush();
        if (!enabled) {
            endSessions(user.getUsername());
        }
    }

    void resetPassword(long id, PasswordForm form) {
        UserAccount user = users.findById(id).orElseThrow(NotFound::new);
        setNewPassword(user, form);
        endSessions(user.getUsername());
    }

    /** A user changes their own password; other sessions of theirs stay (the current one must). */
    void changeOwnPassword(long id, PasswordForm form) {
        UserAccount user = users.findById(id).orElseThrow(NotFound::new);
        if (form.currentPassword() == null || !encoder.matches(form.currentPassword(), user.getPasswordHash())) {
            throw new RuleViolation("currentPassword", "password.currentWrong");
        }
        setNewPassword(user, form);
        rememberMeTokens.removeUserTokens(user.getUsername());
    }

    private void setNewPassword(UserAccount user, PasswordForm form) {
        policy.require("newPassword", form.newPassword());
        if (!Objects.equals(form.newPassword(), form.confirmPassword())) {
            throw new RuleViolation("confirmPassword", "password.mismatch");
        }
        user.setPasswordHash(encoder.encode(form.newPassword()));
    }

    private void apply(UserAccount user, UserForm form) {
        user.setEmail(StringUtils.hasText(form.email()) ? form.email().strip() : null);
        user.setMobile(StringUtils.hasText(form.mobile()) ? form.mobile().strip() : null);
        user.setTeam(form.teamId() == null ? null
                : teams.findById(form.teamId()).orElseThrow(() -> new RuleViolation("teamId", "team.missing")));
    }

    private void requireAnotherAdmin(UserAccount user, String field) {
        List<UserAccount> admins = users.lockEnabledAdmins();
        boolean anotherRemains = admins.stream().anyMatch(a -> !a.getId().equals(user.getId()));
        if (!anotherRemains) {
            throw new RuleViolation(field, "user.lastAdmin");
        }
    }

    /** Ends every session and remember-me login of a user, on every node (they share the tables). */
    private void endSessions(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(username);
    }

    // --- teams

    @Transactional(readOnly = true)
    Optional<Team> findTeam(long id) {
        return teams.findWithManagerById(id);
    }

    @Transactional(readOnly = true)
    List<UserSummary> managerCandidates() {
        return users.findEnabledByRole(Role.MANAGER).stream().map(UserAccount::toSummary).toList();
    }

    long createTeam(TeamForm form) {
        Team team = new Team(form.name().strip());
        applyTeam(team, form, null);
        try {
            return teams.saveAndFlush(team).getId();
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolation("name", "team.name.taken");
        }
    }

    void updateTeam(long id, TeamForm form) {
        Team team = teams.findById(id).orElseThrow(NotFound::new);
        checkVersion(team.getVersion(), form.version());
        team.setName(form.name().strip());
        applyTeam(team, form, id);
        try {
            teams.flush();
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolation("name", "team.name.taken");
        }
    }

    private void applyTeam(Team team, TeamForm form, Long id) {
        if (teams.nameTaken(form.name().strip(), id)) {
            throw new RuleViolation("name", "team.name.taken");
        }
        if (form.managerId() == null) {
            team.setManager(null);
            return;
        }
        UserAccount manager = users.findById(form.managerId())
                .filter(u -> u.getRole() == Role.MANAGER && u.isEnabled())
                .orElseThrow(() -> new RuleViolation("managerId", "team.manager.invalid"));
        team.setManager(manager);
    }

    private static void checkVersion(long current, Long submitted) {
        if (submitted != null && submitted != current) {
            throw new RuleViolation(null, "form.staleVersion");
        }
    }

    /** The id names no user or team: answered with 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {
    }
}
