package io.tidecrm.integration;

import io.tidecrm.identity.DemoUsers;

/**
 * The access tokens of the demo users of a developer's copy (never in the prod profile), so that
 * the account page shows a list: an active read-write token and a revoked one for each team's
 * first rep, a read-only one for each manager. Their secrets are random and never shown.
 */
public interface IntegrationDemoData {

    /** Writes the tokens in the caller's transaction and returns how many. */
    int seed(DemoUsers.Staff staff);
}
