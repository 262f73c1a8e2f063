package io.tidecrm.lead.internal;

import java.time.LocalTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** The lead settings (one row), also the administrators' form. */
@Label("lead.settings")
record LeadSettings(
        @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime runTime,
        @NotNull @Min(0) @Max(1000) Integer defaultCapacity,
        @NotNull @Min(0) @Max(1000) Integer poolDailyLimit,
        @NotNull @Min(1) @Max(10000) Integer confirmMinutes,
        Boolean reassignOnMiss,
        Boolean publicFormEnabled,
        @NotNull @Min(1) @Max(1000) Integer publicFormPerHour,
        Long version) {

    boolean reassigns() {
        return Boolean.TRUE.equals(reassignOnMiss);
    }

    boolean publicForm() {
        return Boolean.TRUE.equals(publicFormEnabled);
    }
}
