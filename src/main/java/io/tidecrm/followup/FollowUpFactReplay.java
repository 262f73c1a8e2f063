package io.tidecrm.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * The follow-up facts of the past, rebuilt from the saved follow-ups (which are never edited):
 * for a read model built or checked after the facts were published. The author's team is their
 * team now; the colleagues asked to look are left out.
 */
public interface FollowUpFactReplay {

    /** The follow-ups saved on the business days of the range, corrections included, oldest first. */
    List<FollowUpRecorded> recorded(LocalDate from, LocalDate to);
}
