package io.tidecrm.fieldwork.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** The customer's location set by hand (no map service is reached: the coordinates are typed in). */
@Label("visit.location")
public record CustomerLocationForm(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
