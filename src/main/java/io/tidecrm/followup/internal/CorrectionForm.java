package io.tidecrm.followup.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction of a saved follow-up: the corrected text, kept next to the original. */
@Label("followup")
public record CorrectionForm(@NotBlank @Size(max = 4000) String content) {
}
