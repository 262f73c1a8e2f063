package io.tidecrm.service.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the calendar page. */
final class CalendarForms {

    private CalendarForms() {
    }

    /** When the working day starts and ends, from the version the administrator saw. */
    @Label("calendar.hours")
    record WorkingHoursForm(@NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime dayStart,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime dayEnd, Long version) {
    }

    /** A public holiday (working = false) or a make-up working day (working = true). */
    @Label("calendar.day")
    record CalendarDayForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @NotNull Boolean working, @NotBlank @Size(max = 50) String name) {
    }
}
