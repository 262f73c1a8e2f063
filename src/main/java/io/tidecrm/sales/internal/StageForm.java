package io.tidecrm.sales.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotNull;

/** A move to another stage, from the detail page or the board; the version is the one the user saw. */
@Label("opportunity")
public record StageForm(@NotNull Stage stage, String lostReason, Long version) {
}
