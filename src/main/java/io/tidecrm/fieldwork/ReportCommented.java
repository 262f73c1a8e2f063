package io.tidecrm.fieldwork;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manager (or a colleague who may read it) commented on a rep's report, or signed off their
 * weekly plan (主管审核签字): the report's author is told.
 *
 * @param kind DAILY_PLAN, DAILY_SUMMARY or WEEKLY_PLAN
 * @param periodStart the day (the week's Monday for the weekly plan)
 * @param signOff whether the comment is the manager's sign-off
 */
public record ReportCommented(long reportId, long authorId, String kind, LocalDate periodStart, long commenterId,
        String commenterName, boolean signOff, String body, Instant occurredAt) {
}
