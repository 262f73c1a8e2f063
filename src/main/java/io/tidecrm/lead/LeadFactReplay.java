package io.tidecrm.lead;

import java.time.LocalDate;
import java.util.List;

/**
 * The lead facts of the past, rebuilt from the leads: for a read model built or checked after the
 * facts were published (the leaderboard's rebuild). The owner's team is their team now, and
 * whether a lead was attached to an existing customer is not kept, so it reads false.
 */
public interface LeadFactReplay {

    /** Leads converted on the business days of the range. */
    List<LeadConverted> converted(LocalDate from, LocalDate to);
}
