package io.tidecrm.lead;

import java.time.Instant;

/**
 * A day has passed since the owner first contacted a lead: the sales policy asks for the summary
 * e-mail to the contact now (SPEC "Working the lead"). Published once per lead.
 */
public record LeadSummaryDue(long leadId, String companyName, long ownerId, Instant firstContactAt,
        Instant occurredAt) {
}
