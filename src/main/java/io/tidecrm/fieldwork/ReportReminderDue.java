package io.tidecrm.fieldwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report part is due soon and these users, who must submit it, have not: published once per
 * user, part and period by the reminder job (a rerun finds them reminded already), for the inbox.
 *
 * @param part DAILY_PLAN, DAILY_SUMMARY or WEEKLY_PLAN
 * @param periodStart the day (the week's Monday for the weekly plan)
 * @param deadline when the part is due
 * @param link the page in the application where the part is written
 */
public record ReportReminderDue(String part, LocalDate periodStart, Instant deadline, List<Long> recipientIds,
        String link, Instant occurredAt) {

    public ReportReminderDue {
        recipientIds = List.copyOf(recipientIds);
    }
}
