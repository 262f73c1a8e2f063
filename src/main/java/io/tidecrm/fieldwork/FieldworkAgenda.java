package io.tidecrm.fieldwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's field-work agenda for their calendar feed: visits planned and not yet checked in, and
 * open commitments, of the customers they own, in a window of time. For the owner only; the
 * caller has authenticated them (the feed's secret address).
 */
public interface FieldworkAgenda {

    List<PlannedVisit> plannedVisits(long ownerId, Instant from, Instant to, int limit);

    List<DueCommitment> openCommitments(long ownerId, LocalDate from, LocalDate to, int limit);

    record PlannedVisit(long id, long customerId, String customerName, Instant plannedAt, String place,
            String purpose) {
    }

    record DueCommitment(long id, long customerId, String customerName, LocalDate dueDate, String content) {
    }
}
