package io.tidecrm.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The one working calendar of the product: working hours (default 09:00–18:00) on working days,
 * which are Monday to Friday except public holidays, plus the make-up working days (调休) that
 * fall on a weekend; all in the business zone. Every due time counted in working time ("2 working
 * hours", "3 working days") comes from here, so tickets and leads agree.
 */
public interface WorkingCalendar {

    /** Whether people work on this day (in the business zone). */
    boolean isWorkingDay(LocalDate day);

    /** Whether this moment falls inside the working hours of a working day. */
    boolean isWorkingTime(Instant at);

    /**
     * The moment at which {@code amount} of working time has passed since {@code start}: time
     * outside the working hours, on weekends and on holidays does not count. A deadline that
     * ends exactly at the end of a working day stays on that day.
     *
     * @param amount zero or more
     */
    Instant addWorkingTime(Instant start, Duration amount);

    /** {@code days} working days after {@code start}: that many lengths of a working day, in working time. */
    Instant addWorkingDays(Instant start, int days);

    /** The working time between two moments; negative when {@code to} is before {@code from}. */
    Duration workingTimeBetween(Instant from, Instant to);

    /** When the working day starts and ends. */
    LocalTime dayStart();

    LocalTime dayEnd();

    /** The business zone the calendar is reckoned in. */
    ZoneId zone();
}
