package io.tidecrm.identity;

/** A user as other modules list them: enough to show a name and decide scope. */
public record UserSummary(long id, String username, String displayName, Role role, Long teamId,
        String teamName, boolean enabled, String email) {
}
