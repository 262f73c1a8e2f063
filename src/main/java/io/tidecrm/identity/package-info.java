/**
 * Identity: users, teams and roles, sign-in with throttling and remember-me, the current
 * user, and the administrators' pages for users and teams. Other modules see a user through
 * {@link io.tidecrm.identity.CurrentUser} and {@link io.tidecrm.identity.UserManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = { "support" })
package io.tidecrm.identity;
