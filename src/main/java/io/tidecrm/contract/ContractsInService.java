package io.tidecrm.contract;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which customers are in service: those with an approved, not terminated contract whose service
 * period covers a day (a missing start counts from the sign date, a missing end as open-ended).
 * No viewer: for scheduled work (the monthly return visits of A customers), which has no user.
 */
public interface ContractsInService {

    /** The ids of the customers in service on {@code day}. */
    Set<Long> customersInService(LocalDate day);
}
