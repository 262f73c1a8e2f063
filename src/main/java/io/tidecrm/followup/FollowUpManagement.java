package io.tidecrm.followup;

import java.time.Instant;
import java.util.List;

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
     * Writes a follow-up of a kind of {@link #kinds()} (a return visit made by phone, …) with the
     * same rules as {@link #recordVisit}, and returns its id.
     */
    long record(long customerId, String kind, Visit visit, CurrentUser author);

    /**
     * @param occurredAt when the visit took place (field {@code occurredAt})
     * @param contactId the contact met, or null (field {@code contactId})
     * @param content the text of the record, at most 4000 characters
     * @param nextFollowUpAt the next follow-up to schedule, or null to keep the scheduled one (field
     *        {@code nextFollowUpAt})
     */
    /** The kinds of follow-up (PHONE, WECHAT, VISIT, …), for a module that records its own with the same kinds. */
    List<String> kinds();

    /**
     * Copies records written before the customer existed (a converted lead's follow-ups) onto the
     * customer's timeline, about the subject they were written on ({@code LEAD}, the lead's id and a
     * label such as "线索：…"), with their authors and times. They neither move the customer's clock
     * (its clock starts when it is obtained) nor publish {@link FollowUpRecorded} (they were counted,
     * or not, when they were written). No viewer check: the caller has just created the customer.
     */
    void importHistory(long customerId, String subjectType, long subjectId, String subjectLabel,
            List<PastFollowUp> entries);

    /** @param kind one of {@link #kinds()} */
    record PastFollowUp(long authorId, String kind, Instant occurredAt, Instant recordedAt, String content) {
    }

    record Visit(Instant occurredAt, Long contactId, String content, Instant nextFollowUpAt) {
    }
}
