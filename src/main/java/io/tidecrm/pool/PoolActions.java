package io.tidecrm.pool;

import io.tidecrm.identity.CurrentUser;

/**
 * Grab and release from another channel than the pool page (the REST API), with the page's
 * rules: the grab-back ban, the daily grab limit and the cap on grab; a reason on release. A
 * refused rule throws {@code io.tidecrm.support.RuleViolation}; a customer outside the caller's
 * scope (or no longer in the pool) throws {@code io.tidecrm.customer.CustomerNotFoundException}.
 */
public interface PoolActions {

    /** The reasons a release may give; {@code OTHER} needs a text. */
    enum ReleaseReason {
        NO_CONTACT, NO_NEED, CHOSE_COMPETITOR, NO_BUDGET, OTHER
    }

    /** The caller takes a pool customer for themselves. */
    void grab(long customerId, CurrentUser user);

    /** The caller puts one of the customers they may see back into the pool. */
    void release(long customerId, ReleaseReason reason, String text, CurrentUser user);
}
