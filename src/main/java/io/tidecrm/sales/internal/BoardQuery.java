package io.tidecrm.sales.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.ListQuery;

/**
 * The board's filter, bound from the URL like a list's (see {@link ListQuery}).
 *
 * @param owner only for managers and administrators (ignored for reps)
 */
record BoardQuery(Long owner) implements ListQuery {

    /** The owner filter as it applies to the viewer. */
    Long ownerFor(CurrentUser viewer) {
        return viewer.role() == Role.REP ? null : owner;
    }
}
