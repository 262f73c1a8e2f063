package io.tidecrm.lead;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lead became a customer (or was attached to an existing one): a fact for read models such as a
 * conversions board. Carries the owner and their team at that moment, the lead's source and the
 * rule that assigned it, so that a listener never reads the lead tables.
 *
 * @param attached true when the lead was attached to an existing customer instead of creating one
 * @param source the lead's source channel (WEBSITE, TRADE_SHOW, REFERRAL, INBOUND_CALL, SOCIAL_MEDIA, OTHER)
 * @param ruleId the assignment rule that gave the lead to its owner, or null
 */
public record LeadConverted(long leadId, long customerId, String companyName, boolean attached, long ownerId,
        Long ownerTeamId, String source, Long ruleId, long convertedById, Instant occurredAt, LocalDate businessDate) {
}
