package io.tidecrm.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * The customer facts of the past, rebuilt from the owner history: for a read model that is
 * built after the facts were published (a new installation, a migration) or checked against
 * them. The owner's team is their team now: the history does not keep the team of the moment.
 */
public interface CustomerFactReplay {

    /** Creations, imports, conversions and grabs whose business date is in the range, oldest first. */
    List<CustomerObtained> obtained(LocalDate from, LocalDate to);
}
