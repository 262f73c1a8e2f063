package io.tidecrm.identity;

/** What a user may see and do: a rep their own customers, a manager the team's, an administrator all. */
public enum Role {
    REP, MANAGER, ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
