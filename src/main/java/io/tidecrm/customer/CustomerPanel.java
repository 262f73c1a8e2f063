package io.tidecrm.customer;

import java.util.Map;

import io.tidecrm.identity.CurrentUser;

/**
 * A section that another module adds to the customer page (the follow-up timeline, later
 * opportunities and contracts), so that the page is rendered in one request while the
 * customer module knows nothing of those modules.
 */
public interface CustomerPanel {

    /** Position on the page; lower comes first. */
    int order();

    /** The Thymeleaf fragment to insert, e.g. {@code followup/panel :: panel}. */
    String fragment();

    /** Adds what the fragment needs to the model. The customer is already known to be visible. */
    void populate(CustomerRef customer, CurrentUser viewer, Map<String, Object> model);
}
