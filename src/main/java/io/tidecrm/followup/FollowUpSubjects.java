package io.tidecrm.followup;

import java.util.Optional;

import io.tidecrm.identity.CurrentUser;

/**
 * Something a follow-up can be written on besides its customer (an opportunity, a contract),
 * supplied by the module that owns it. Writing on it follows up its customer.
 */
public interface FollowUpSubjects {

    /** The subject type this supplier answers for, e.g. {@code OPPORTUNITY}. */
    String type();

    /** The subject, when the viewer may see it; otherwise empty (answered as 404). */
    Optional<Subject> find(long subjectId, CurrentUser viewer);

    /**
     * A subject's customer, a label for the timeline (e.g. "商机：年度采购") and the path of its page
     * (where the form returns to without htmx).
     */
    record Subject(long customerId, String label, String path) {
    }
}
