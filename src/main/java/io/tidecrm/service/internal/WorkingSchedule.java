package io.tidecrm.service.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The working-time arithmetic over one snapshot of the calendar: the working hours, the business
 * zone and the days that differ from the ordinary week (true: a make-up working day, false: a
 * holiday). Pure, so that every edge is tested without a database.
 */
record WorkingSchedule(LocalTime dayStart, LocalTime dayEnd, ZoneId zone, Map<LocalDate, Boolean> exceptions) {

    /** How far ahead a deadline is looked for before the calendar is taken to have no working day. */
    static final int MAX_DAYS = 3700;

    WorkingSchedule {
        if (!dayStart.isBefore(dayEnd)) {
            throw new IllegalArgumentException("The working day must start before it ends");
        }
        exceptions = Map.copyOf(exceptions);
    }

    boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    boolean isWorkingTime(Instant at) {
        LocalDateTime t = at.atZone(zone).toLocalDateTime();
        return isWorkingDay(t.toLocalDate()) && !t.toLocalTime().isBefore(dayStart) && t.toLocalTime().isBefore(dayEnd);
    }

    Duration workingDay() {
        return Duration.between(dayStart, dayEnd);
    }

    Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        LocalDateTime t = start.atZone(zone).toLocalDateTime();
        LocalDate day = t.toLocalDate();
        LocalTime time = t.toLocalTime();
        Duration remaining = amount;
        for (int i = 0; i < MAX_DAYS; i++) {
            if (isWorkingDay(day)) {
                LocalTime from = time.isBefore(dayStart) ? dayStart : time;
                if (from.isBefore(dayEnd)) {
                    Duration available = Duration.between(from, dayEnd);
                    if (remaining.compareTo(available) <= 0) {
                        return day.atTime(from).plus(remaining).atZone(zone).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            day = day.plusDays(1);
            time = LocalTime.MIDNIGHT;
        }
        throw new IllegalStateException("No working time within " + MAX_DAYS + " days of " + start);
    }

    Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Working days to add must not be negative: " + days);
        }
        return addWorkingTime(start, workingDay().multipliedBy(days));
    }

    Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        LocalDateTime a = from.atZone(zone).toLocalDateTime();
        LocalDateTime b = to.atZone(zone).toLocalDateTime();
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            LocalDateTime open = day.atTime(dayStart);
            LocalDateTime close = day.atTime(dayEnd);
            LocalDateTime s = a.isAfter(open) ? a : open;
            LocalDateTime e = b.isBefore(close) ? b : close;
            if (s.isBefore(e)) {
                total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }
}
