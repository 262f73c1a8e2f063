package io.tidecrm.customer.internal;

import java.util.Set;

import io.tidecrm.identity.CurrentUser;

/**
 * Which customers a viewer may see, as a condition for the SQL of every query: all of them
 * (administrator), or those owned by a set of users (a rep: themselves; a manager: their
 * teams). Pool customers (no owner) are outside every owner set.
 */
record Scope(long viewerId, boolean all, Set<Long> ownerIds) {

    static Scope all(CurrentUser viewer) {
        return new Scope(viewer.id(), true, Set.of());
    }

    static Scope owners(CurrentUser viewer, Set<Long> ownerIds) {
        return new Scope(viewer.id(), false, Set.copyOf(ownerIds));
    }

    /** The condition on a customer table alias, with the named parameter {@code scopeOwners}. */
    String condition(String alias) {
        return all ? "TRUE" : alias + ".owner_id IN (:scopeOwners)";
    }

    boolean includesOwner(Long ownerId) {
        return all || (ownerId != null && ownerIds.contains(ownerId));
    }
}
