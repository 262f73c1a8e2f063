package io.tidecrm.fieldwork.internal;

import java.time.Duration;
import java.time.Instant;

/** A visit as its pages show it, read through the viewer's customer scope. */
public record VisitView(long id, long customerId, String customerName, Long contactId, long ownerId,
        String ownerName, Instant plannedAt, String place, String purpose, Instant checkedInAt, Double latitude,
        Double longitude, Double accuracy, Integer distanceMetres, CheckInFlag flag, Instant checkedOutAt,
        Instant recordedAt, int version) {

    public boolean checkedIn() {
        return checkedInAt != null;
    }

    public boolean checkedOut() {
        return checkedOutAt != null;
    }

    public boolean recorded() {
        return recordedAt != null;
    }

    public boolean flagged() {
        return flag != null && flag.flagged();
    }

    /** Minutes between check-in and check-out, or null while the visit lasts. */
    public Long durationMinutes() {
        return checkedOutAt == null ? null : Duration.between(checkedInAt, checkedOutAt).toMinutes();
    }

    /** The message key of the visit's state, for its badge. */
    public String stateKey() {
        return recorded() ? "visit.state.recorded" : checkedOut() ? "visit.state.checkedOut"
                : checkedIn() ? "visit.state.checkedIn" : "visit.state.planned";
    }

    VisitView withOwnerName(String name) {
        return new VisitView(id, customerId, customerName, contactId, ownerId, name, plannedAt, place, purpose,
                checkedInAt, latitude, longitude, accuracy, distanceMetres, flag, checkedOutAt, recordedAt, version);
    }
}
