package io.tidecrm.followup;

import java.time.Instant;

import io.tidecrm.identity.CurrentUser;

/**
 * Writing follow-ups from another module (a visit record of the fieldwork module), with the
 * same rules as the customer page's form: the customer must be visible to the author, the
 * contact must be one of its contacts, the time lies within the last 24 hours; saving moves
 * the customer's clock and publishes {@link FollowUpRecorded}, all in the caller's transaction.
 * A refused rule throws {@code io.tidecrm.support.RuleViolation} on the fields of {@link Visit}.
 */
public interface FollowUpManagement {

    /** Writes a follow-up of kind 拜访 (VISIT) and returns its id. */
    long recordVisit(long customerId, Visit visit, CurrentUser author);

    /**
     * @param occurredAt when the visit took place (field {@code occurredAt})
     * @param contactId the contact met, or null (field {@code contactId})
     * @param content the text of the record, at most 4000 characters
     * @param nextFollowUpAt the next follow-up to schedule, or null to keep the scheduled one (field
     *        {@code nextFollowUpAt})
     */
    record Visit(Instant occurredAt, Long contactId, String content, Instant nextFollowUpAt) {
    }
}
