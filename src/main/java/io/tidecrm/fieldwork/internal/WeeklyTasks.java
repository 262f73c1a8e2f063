package io.tidecrm.fieldwork.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Time;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import io.tidecrm.support.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The weekly plan's key tasks per day (销售周工作计划表: 日期, 任务内容, 预计完成时间): the rules on the
 * rows a plan is submitted with, their rows of each version (kept as they were, like the version),
 * and the days and totals that the pages show. The expected time is the seed's: by a time of day
 * ("17:00前") or a range ("15:00-16:00"); a day's total is its number of tasks and the hours of
 * its ranges.
 */
@Component
class WeeklyTasks {

    static final int DESCRIPTION_MAX = 200;
    static final int MAX_ROWS = 70;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** A task of a day. */
    record Task(String description, LocalTime startsAt, LocalTime endsAt) {

        /** The hours of a range; null for a task due by a time. */
        public BigDecimal hours() {
            return startsAt == null ? null
                    : BigDecimal.valueOf(Duration.between(startsAt, endsAt).toMinutes())
                            .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }

    /** A day of the plan with its tasks, in their order. */
    record Day(LocalDate day, List<Task> tasks) {

        public int count() {
            return tasks.size();
        }

        /** The hours of the day's ranges (tasks due by a time count none). */
        public BigDecimal hours() {
            return tasks.stream().map(Task::hours).filter(h -> h != null).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .stripTrailingZeros();
        }
    }

    /** A day of the form: the indexes of its rows (submitted or saved) and of its empty row. */
    record FormDay(LocalDate day, List<Integer> rows, int blank) {
    }

    private final JdbcClient jdbc;

    WeeklyTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rules on the rows of a plan for the week of {@code week} (its Monday): at least one task;
     * on a filled-in row the description and the time it is expected done by, a range that ends
     * after it starts, a day of the week. Each refusal names the day and the row.
     */
    static RuleViolation check(List<WeeklyTaskForm> rows, LocalDate week) {
        RuleViolation refused = null;
        Map<LocalDate, Integer> perDay = new HashMap<>();
        int filled = 0;
        for (int i = 0; i < rows.size(); i++) {
            WeeklyTaskForm row = rows.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            filled++;
            String at = "tasks[" + i + "].";
            if (row.day() == null || row.day().isBefore(week) || row.day().isAfter(week.plusDays(6))) {
                refused = and(refused, null, "report.task.day.invalid");
                continue;
            }
            int n = perDay.merge(row.day(), 1, Integer::sum);
            Object[] where = { new DefaultMessageSourceResolvable("calendar.weekday." + row.day().getDayOfWeek()),
                    row.day().format(MONTH_DAY), n };
            if (row.description() == null || row.description().isBlank()) {
                refused = and(refused, at + "description", "report.task.description.required", where);
            }
            LocalTime startsAt = null;
            LocalTime endsAt = null;
            boolean times = true;
            try {
                startsAt = WeeklyTaskForm.time(row.startsAt());
            } catch (DateTimeParseException e) {
                refused = and(refused, at + "startsAt", "report.task.time.invalid", where);
                times = false;
            }
            try {
                endsAt = WeeklyTaskForm.time(row.endsAt());
            } catch (DateTimeParseException e) {
                refused = and(refused, at + "endsAt", "report.task.time.invalid", where);
                times = false;
            }
            if (times && endsAt == null) {
                refused = and(refused, at + "endsAt", "report.task.endsAt.required", where);
            } else if (times && startsAt != null && !startsAt.isBefore(endsAt)) {
                refused = and(refused, at + "startsAt", "report.task.range.invalid", where);
            }
        }
        if (filled == 0) {
            refused = and(refused, "tasks", "report.tasks.required");
        }
        return refused;
    }

    private static RuleViolation and(RuleViolation refused, String field, String key, Object... args) {
        return refused == null ? new RuleViolation(field, key, args) : refused.and(field, key, args);
    }

    /** Writes the filled-in rows of a plan's version, numbered in their order within each day. */
    void insert(long reportId, List<WeeklyTaskForm> rows) {
        Map<LocalDate, Integer> positions = new HashMap<>();
        for (WeeklyTaskForm row : rows) {
            if (row == null || row.isBlank()) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO work_report_task (report_id, day, position, description, starts_at, ends_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(reportId, row.day(), positions.merge(row.day(), 1, Integer::sum),
                    row.description().strip(), row.startsAt() == null || row.startsAt().isBlank() ? null
                            : Time.valueOf(WeeklyTaskForm.time(row.startsAt())),
                    Time.valueOf(WeeklyTaskForm.time(row.endsAt()))).update();
        }
    }

    /** The tasks of these versions by day, in one statement: version id to its days (only days with tasks). */
    Map<Long, List<Day>> of(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        record Row(long reportId, LocalDate day, Task task) {
        }
        Map<Long, Map<LocalDate, List<Task>>> byReport = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT report_id, day, description, starts_at, ends_at FROM work_report_task
                WHERE report_id IN (:ids) ORDER BY report_id, day, position
                """).param("ids", reportIds)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        new Task(rs.getString(3), rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class))))
                .list()
                .forEach(r -> byReport.computeIfAbsent(r.reportId(), k -> new TreeMap<>())
                        .computeIfAbsent(r.day(), k -> new ArrayList<>()).add(r.task()));
        Map<Long, List<Day>> days = new HashMap<>();
        byReport.forEach((id, map) -> days.put(id,
                map.entrySet().stream().map(e -> new Day(e.getKey(), List.copyOf(e.getValue()))).toList()));
        return days;
    }

    /** The tasks of one version by day (empty for a plan without rows, e.g. one of free text only). */
    List<Day> of(long reportId) {
        return of(List.of(reportId)).getOrDefault(reportId, List.of());
    }

    /** The form's rows of a saved version, in the days' order. */
    static List<WeeklyTaskForm> formRows(List<Day> days) {
        return days.stream().flatMap(d -> d.tasks().stream()
                .map(t -> WeeklyTaskForm.of(d.day(), t.description(), t.startsAt(), t.endsAt()))).toList();
    }

    /**
     * The days the form shows: the plan's working days and any day a row names, each with its
     * rows (the filled-in ones, and any with an error so that what was typed stays) and one empty
     * row with a fresh index.
     */
    static List<FormDay> formDays(List<LocalDate> planDays, List<WeeklyTaskForm> rows, IntPredicate hasErrors) {
        TreeMap<LocalDate, List<Integer>> byDay = new TreeMap<>();
        planDays.forEach(d -> byDay.put(d, new ArrayList<>()));
        TreeSet<Integer> used = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            WeeklyTaskForm row = rows.get(i);
            if (row != null && row.day() != null && (!row.isBlank() || hasErrors.test(i))) {
                byDay.computeIfAbsent(row.day(), k -> new ArrayList<>()).add(i);
            }
            if (row != null) {
                used.add(i);
            }
        }
        int next = used.isEmpty() ? 0 : used.last() + 1;
        List<FormDay> days = new ArrayList<>();
        for (var e : byDay.entrySet()) {
            days.add(new FormDay(e.getKey(), List.copyOf(e.getValue()), next++));
        }
        return days;
    }
}
