package io.tidecrm.fieldwork.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The day's summary: what happened (the figures are filled in by the server) and the help needed. */
@Label("report")
public record DailySummaryForm(
        @NotBlank @Size(max = 4000) String body,
        @Size(max = 1000) String helpNeeded) {
}
