package io.tidecrm.lead;

import java.time.Instant;
import java.util.List;

/**
 * Leads were given to a rep (by the daily run, a rule on arrival, a reassignment or a manager):
 * one fact per rep and pass, so that the rep is told once with the confirmation due times.
 */
public record LeadsAssigned(long ownerId, List<Item> leads, Instant occurredAt) {

    public LeadsAssigned {
        leads = List.copyOf(leads);
    }

    /** @param confirmDue when the rep must have marked the lead contactable or invalid */
    public record Item(long leadId, String companyName, Instant confirmDue) {
    }
}
