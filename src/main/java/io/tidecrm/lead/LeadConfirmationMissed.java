package io.tidecrm.lead;

import java.time.Instant;
import java.util.Set;

/**
 * A rep did not confirm a lead within the confirmation clock: the owner's managers are told, and
 * whether the lead went to someone else by the rules ({@code newOwnerId}) or back to the lead pool.
 *
 * @param reassigned whether the settings reassign a missed lead
 * @param newOwnerId the rep the rules gave it to, or null (lead pool, or not reassigned)
 */
public record LeadConfirmationMissed(long leadId, String companyName, long ownerId, String ownerName,
        Set<Long> managerIds, Instant confirmDue, boolean reassigned, Long newOwnerId, Instant occurredAt) {
}
