package io.tidecrm.fieldwork;

import java.time.Instant;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Visits read by another channel than the pages (the REST API), inside the viewer's customer
 * scope: a visit is visible exactly when its customer is, and any other id answers 404 like one
 * that does not exist. The check-in's coordinates stay on the pages: the API gives its distance
 * to the customer and its flag only.
 */
public interface VisitRecords {

    /** Newest first, one page after {@code cursor}; of one customer when {@code customerId} is given. */
    KeysetPage<VisitData> list(String cursor, int pageSize, Long customerId, CurrentUser viewer);

    VisitData get(long visitId, CurrentUser viewer);

    /**
     * @param checkInFlag null before the check-in; WITHIN the radius, LOCATION_SET (the check-in set the
     *        customer's location), or flagged: FAR, NO_REFERENCE (the customer has no location), NO_LOCATION
     * @param recordedAt when the visit record (the VISIT follow-up) was written, null before
     */
    record VisitData(long id, long customerId, String customerName, Long contactId, long ownerId, Instant plannedAt,
            String place, String purpose, Instant checkedInAt, Integer distanceMetres, String checkInFlag,
            Instant checkedOutAt, Instant recordedAt, long version) {
    }
}
