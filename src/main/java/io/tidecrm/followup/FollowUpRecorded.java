package io.tidecrm.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A follow-up was saved: published in the transaction that saved it. Carries the author's team
 * at that moment and the business date, so that a listener (the boards) never reads the
 * follow-up tables.
 *
 * @param authorTeamId the author's team when the follow-up was saved, or null
 * @param kind how the customer was reached: {@code PHONE}, {@code WECHAT}, {@code VISIT}, {@code EMAIL},
 *        {@code SMS}, {@code MEETING} or {@code OTHER}
 * @param notifyUserIds colleagues the author asked to be told ("提醒谁看"), never the author; empty for a correction
 * @param occurredAt when the contact took place (for a correction: that of the corrected entry)
 * @param businessDate the day the follow-up was saved in the business zone: the day a board credits it to (not the
 *        day of {@code occurredAt}, which may be the day before), so that no past day changes
 * @param excerpt the first characters of the content, for a notification line
 * @param correction whether this entry corrects an earlier one; corrections do not count on the boards
 */
public record FollowUpRecorded(long followUpId, long customerId, String customerName, long authorId,
        String authorName, Long authorTeamId, String kind, Set<Long> notifyUserIds, Instant occurredAt,
        LocalDate businessDate, String excerpt, boolean correction) {
}
