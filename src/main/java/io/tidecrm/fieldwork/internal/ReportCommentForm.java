package io.tidecrm.fieldwork.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A manager's comment on a report, or the weekly plan's sign-off (主管审核签字) with its comment. */
@Label("report.comment")
public record ReportCommentForm(@NotBlank @Size(max = 1000) String body) {
}
