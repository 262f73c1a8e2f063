package io.tidecrm.followup.internal;

import java.time.Instant;

import io.tidecrm.customer.CustomerStatus;

/** One follow-up on the timeline, with names; a correction points to what it corrects and vice versa. */
public record TimelineEntry(long id, FollowUpKind kind, Instant occurredAt, Instant recordedAt, String content,
        String authorName, String contactName, CustomerStatus newStatus, Instant nextFollowUpAt, Long correctsId,
        Long correctedById, String notifiedNames, String subjectLabel) {

    public boolean isCorrection() {
        return correctsId != null;
    }

    public boolean isCorrected() {
        return correctedById != null;
    }
}
