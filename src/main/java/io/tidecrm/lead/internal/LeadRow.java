package io.tidecrm.lead.internal;

import java.time.Instant;

/** One lead in a list. */
public record LeadRow(long id, String companyName, String contactName, String region, String industry,
        LeadSource source, LeadStatus status, Long ownerId, String ownerName, Instant createdAt, Instant confirmDue,
        boolean late, boolean returned) {

    LeadRow withOwnerName(String name) {
        return new LeadRow(id, companyName, contactName, region, industry, source, status, ownerId, name, createdAt,
                confirmDue, late, returned);
    }
}
