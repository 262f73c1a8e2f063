package io.tidecrm.identity.internal;

import io.tidecrm.support.Label;
import io.tidecrm.identity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator may set on a user; the password only when creating. */
record UserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{user.username.pattern}") String username,
        @NotBlank @Size(max = 50) String displayName,
        @Email @Size(max = 100) String email,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "{user.mobile.pattern}") String mobile,
        @Label("user.team") Long teamId,
        @NotNull Role role,
        Boolean enabled,
        String password,
        Long version) {

    static UserForm empty() {
        return new UserForm("", "", "", "", null, Role.REP, true, "", null);
    }

    /** An unchecked box sends nothing: absent means disabled. */
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    static UserForm of(UserAccount u) {
        return new UserForm(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getMobile(),
                u.getTeam() == null ? null : u.getTeam().getId(), u.getRole(), u.isEnabled(), "", u.getVersion());
    }
}
