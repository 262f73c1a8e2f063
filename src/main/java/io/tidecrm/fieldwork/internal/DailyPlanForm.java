package io.tidecrm.fieldwork.internal;

import java.util.List;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The day's plan: the visits picked from the day's visits, the key tasks and the help needed. */
@Label("report")
public record DailyPlanForm(
        @Size(max = 50) List<Long> plannedVisitIds,
        @NotBlank @Size(max = 2000) String keyTasks,
        @Size(max = 1000) String helpNeeded) {
}
