package io.tidecrm.fieldwork.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * What the phone's browser reports at a check-in (check-in.js fills it from the Geolocation API):
 * the position and its accuracy, or none with the reason ({@code locationError}: the API's error
 * code, or "unsupported"). The time is the server's.
 */
@Label("visit.checkIn")
public record CheckInForm(
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @DecimalMin("0") @DecimalMax("1000000") Double accuracy,
        @Size(max = 40) String locationError) {

    boolean located() {
        return latitude != null && longitude != null;
    }
}
