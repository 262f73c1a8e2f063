package io.tidecrm.fieldwork.internal;

import java.time.LocalDateTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A visit being planned: when, whom, where and why. */
@Label("visit")
public record VisitPlanForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime plannedAt,
        Long contactId,
        @Size(max = 200) String place,
        @NotBlank @Size(max = 500) String purpose) {

    static VisitPlanForm empty(LocalDateTime at) {
        return new VisitPlanForm(at, null, "", "");
    }
}
