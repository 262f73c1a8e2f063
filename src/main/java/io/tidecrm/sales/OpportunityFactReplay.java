package io.tidecrm.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * The opportunity facts of the past, rebuilt from the opportunities: for a read model built or
 * checked after the facts were published. The owner's team is their team now.
 */
public interface OpportunityFactReplay {

    /** Opportunities created on the business days of the range, with their stage and amount now. */
    List<OpportunityCreated> created(LocalDate from, LocalDate to);

    /** Opportunities won on the business days of the range. */
    List<OpportunityWon> won(LocalDate from, LocalDate to);
}
