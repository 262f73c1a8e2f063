package io.tidecrm.followup;

import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/** Figures of the follow-ups for the sales reports, computed in one statement inside the viewer's customer scope. */
public interface FollowUpStatistics {

    /** @param kind the kind code (PHONE, WECHAT, VISIT, …) */
    record KindRow(String kind, long followUps, long customers) {
    }

    /**
     * Follow-ups that happened on the business days of the range, by kind, most frequent first;
     * corrections are not new follow-ups and are left out.
     */
    List<KindRow> byKind(CurrentUser viewer, LocalDate from, LocalDate to);
}
