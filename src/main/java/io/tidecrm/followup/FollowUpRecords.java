package io.tidecrm.followup;

import java.time.Instant;
import java.util.List;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Follow-ups written and read by another channel than the customer page (the REST API), through
 * the form's service: the customer visible to the author, the time within the last 24 hours and
 * not in the future, the next follow-up after it, never "won", the contact one of the customer's,
 * notify-whom only colleagues who may see the customer; saving moves the customer's clock and
 * publishes {@link FollowUpRecorded}. A refused rule throws {@code io.tidecrm.support.RuleViolation};
 * a field that breaks its constraint throws {@code jakarta.validation.ConstraintViolationException}.
 */
public interface FollowUpRecords {

    /** How the customer was reached: 电话, 微信, 拜访, 邮件, 短信, 会议, 其他. */
    enum Kind {
        PHONE, WECHAT, VISIT, EMAIL, SMS, MEETING, OTHER
    }

    /** Writes a follow-up and returns its id. */
    long record(long customerId, Entry entry, CurrentUser author);

    /** The customer's follow-ups, newest first, one page after {@code cursor}. */
    KeysetPage<FollowUpData> list(long customerId, String cursor, CurrentUser viewer);

    /**
     * @param newStatus the customer's new follow-up status, or null to keep it
     * @param nextFollowUpAt the next follow-up to schedule, or null to keep the scheduled one
     */
    record Entry(Kind kind, Instant occurredAt, String content, Long contactId, CustomerStatus newStatus,
            Instant nextFollowUpAt, Boolean clearNextFollowUp, List<Long> notifyUserIds) {
    }

    record FollowUpData(long id, Kind kind, Instant occurredAt, Instant recordedAt, String content, String authorName,
            String contactName, CustomerStatus newStatus, Instant nextFollowUpAt, Long correctsId) {
    }
}
