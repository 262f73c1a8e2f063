package io.tidecrm.lead;

import java.time.Instant;
import java.util.Set;

/** A rep marked a lead invalid with a reason; its reviewers (the owner's managers, else administrators) are asked to review it. */
public record LeadMarkedInvalid(long leadId, String companyName, long ownerId, String ownerName, String reason,
        Set<Long> reviewerIds, Instant occurredAt) {
}
