package io.tidecrm.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as pages show them, in the business zone of the application clock. Templates call it
 * as {@code ${@times.dateTime(instant)}}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(clock.getZone()));
    }

    /** Now, as the value of an {@code <input type="datetime-local">}. */
    public String nowLocalInput() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0).toString();
    }

    /** The day of this instant in the business zone: the date a fact is credited to. */
    public LocalDate businessDate(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }
}
