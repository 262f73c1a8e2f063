package io.tidecrm.service.internal;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.service.WorkingCalendar;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working calendar as stored, and its administration. Each question reads the current
 * hours and the exception days (a few dozen rows a year) in one snapshot and answers with
 * {@link WorkingSchedule}, so that an administrator's change applies at once on every node.
 * Changes are kept in the audit log ({@link RuleChanged}).
 */
@Service
@Transactional(readOnly = true)
class CalendarStore implements WorkingCalendar {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** One day that differs from the ordinary week. */
    record Day(LocalDate day, boolean working, String name) {
    }

    record Hours(LocalTime dayStart, LocalTime dayEnd, long version) {
    }

    WorkingSchedule schedule() {
        Hours hours = hours();
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.sql("SELECT day, working FROM service_calendar_day")
                .query(rs -> {
                    exceptions.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
                });
        return new WorkingSchedule(hours.dayStart(), hours.dayEnd(), clock.getZone(), exceptions);
    }

    Hours hours() {
        return jdbc.sql("SELECT day_start, day_end, version FROM service_working_hours WHERE id = 1")
                .query((rs, n) -> new Hours(rs.getTime("day_start").toLocalTime(), rs.getTime("day_end").toLocalTime(),
                        rs.getLong("version")))
                .single();
    }

    /** The exception days of a year, in date order. */
    List<Day> daysOf(int year) {
        return jdbc.sql("SELECT day, working, name FROM service_calendar_day WHERE day BETWEEN ? AND ? ORDER BY day")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getBoolean("working"), rs.getString("name")))
                .list();
    }

    @Transactional
    void saveHours(LocalTime start, LocalTime end, Long version, long byUserId) {
        if (!start.isBefore(end)) {
            throw new RuleViolation("dayEnd", "calendar.hours.endBeforeStart");
        }
        Hours before = hours();
        int updated = jdbc.sql("""
                UPDATE service_working_hours SET day_start = ?, day_end = ?, version = version + 1
                WHERE id = 1 AND version = ?
                """)
                .params(Time.valueOf(start), Time.valueOf(end), version == null ? -1 : version)
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "calendar.stale");
        }
        events.publishEvent(new RuleChanged("service.workingHours", before.dayStart() + "-" + before.dayEnd(),
                start + "-" + end, byUserId, clock.instant()));
    }

    /** Adds a holiday or a make-up working day, or changes the one on that date. */
    @Transactional
    void saveDay(LocalDate day, boolean working, String name, long byUserId) {
        String before = jdbc.sql("SELECT working || ' ' || name FROM service_calendar_day WHERE day = ?")
                .param(Date.valueOf(day)).query(String.class).optional().orElse(null);
        jdbc.sql("""
                INSERT INTO service_calendar_day (day, working, name) VALUES (?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name
                """)
                .params(Date.valueOf(day), working, name.strip())
                .update();
        events.publishEvent(new RuleChanged("service.calendar." + day, before, working + " " + name.strip(),
                byUserId, clock.instant()));
    }

    /** The day goes back to the ordinary week (a weekday works, a weekend day does not). */
    @Transactional
    boolean deleteDay(LocalDate day, long byUserId) {
        String before = jdbc.sql("DELETE FROM service_calendar_day WHERE day = ? RETURNING working || ' ' || name")
                .param(Date.valueOf(day)).query(String.class).optional().orElse(null);
        if (before != null) {
            events.publishEvent(new RuleChanged("service.calendar." + day, before, null, byUserId, clock.instant()));
        }
        return before != null;
    }

    // --- WorkingCalendar

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return schedule().isWorkingDay(day);
    }

    @Override
    public boolean isWorkingTime(Instant at) {
        return schedule().isWorkingTime(at);
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration amount) {
        return schedule().addWorkingTime(start, amount);
    }

    @Override
    public Instant addWorkingDays(Instant start, int days) {
        return schedule().addWorkingDays(start, days);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return schedule().workingTimeBetween(from, to);
    }

    @Override
    public LocalTime dayStart() {
        return hours().dayStart();
    }

    @Override
    public LocalTime dayEnd() {
        return hours().dayEnd();
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }
}
