package io.tidecrm.followup;

import java.time.Instant;
import java.util.Set;

/**
 * A follow-up was saved: published in the transaction that saved it.
 *
 * @param notifyUserIds colleagues the author asked to be told ("提醒谁看"), never the author
 * @param excerpt the first characters of the content, for a notification line
 */
public record FollowUpRecorded(long followUpId, long customerId, String customerName, long authorId,
        String authorName, Set<Long> notifyUserIds, Instant occurredAt, String excerpt) {
}
