package io.tidecrm.fieldwork.internal;

import java.time.LocalDate;
import java.time.LocalTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One key task of a day of the weekly plan, as the seed's table has it (日期, 任务内容, 预计完成时间):
 * done by a time of day ({@code endsAt} only, "17:00前") or in a range ("15:00-16:00"). A row
 * left empty is ignored; the rules on a filled-in row are {@link WeeklyTasks#check}.
 */
@Label("report.task")
public record WeeklyTaskForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @Size(max = WeeklyTasks.DESCRIPTION_MAX) String description,
        @Size(max = 8) String startsAt,
        @Size(max = 8) String endsAt) {

    boolean isBlank() {
        return blank(description) && blank(startsAt) && blank(endsAt);
    }

    static WeeklyTaskForm of(LocalDate day, String description, LocalTime startsAt, LocalTime endsAt) {
        return new WeeklyTaskForm(day, description, startsAt == null ? null : startsAt.toString(), endsAt.toString());
    }

    /**
     * A time as typed ("15:00", or "15:00:00" from a browser that sends seconds); null when empty.
     * The times are text here, not bound as times, so that a time that is no time is refused by
     * {@link WeeklyTasks#check} naming its day and row, with the rest of the form kept.
     *
     * @throws java.time.format.DateTimeParseException when it is no time of day
     */
    static LocalTime time(String typed) {
        return blank(typed) ? null : LocalTime.parse(typed.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
