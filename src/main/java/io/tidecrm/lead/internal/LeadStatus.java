package io.tidecrm.lead.internal;

import java.util.Set;

/** A lead's state: new (unassigned, in the lead pool) → assigned → contactable or invalid → nurturing, converted or closed. */
public enum LeadStatus {
    NEW, ASSIGNED, CONTACTABLE, INVALID, NURTURING, CONVERTED, CLOSED;

    /** The states in which the owner works the lead (follow-ups, return to the pool). */
    static final Set<LeadStatus> WORKING = Set.of(ASSIGNED, CONTACTABLE, NURTURING);

    /** The states from which a lead converts. */
    static final Set<LeadStatus> CONVERTIBLE = Set.of(CONTACTABLE, NURTURING);

    public boolean isOpen() {
        return this != CONVERTED && this != CLOSED;
    }
}
