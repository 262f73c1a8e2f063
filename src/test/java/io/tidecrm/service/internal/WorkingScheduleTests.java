package io.tidecrm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The working-time arithmetic at every edge: weekends, public holidays, make-up working days,
 * the end of the working day, a night in between, and the business zone's midnight. The
 * calendar is 2026 as China announced it (in part), hours 09:00–18:00, zone Asia/Shanghai.
 */
class WorkingScheduleTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final WorkingSchedule schedule = new WorkingSchedule(LocalTime.of(9, 0), LocalTime.of(18, 0), SHANGHAI,
            Map.of(LocalDate.parse("2026-10-01"), false, LocalDate.parse("2026-10-02"), false,
                    LocalDate.parse("2026-10-05"), false, LocalDate.parse("2026-10-06"), false,
                    LocalDate.parse("2026-10-07"), false, LocalDate.parse("2026-10-10"), true,
                    LocalDate.parse("2026-09-20"), true));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void workingTimeWithinOneDayIsPlainAddition() {
        assertThat(schedule.addWorkingTime(at("2026-11-03T10:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-03T12:00"));
    }

    @Test
    void weekendIsSkipped() {
        // Friday 17:00 + 2 working hours: one hour on Friday, one on Monday.
        assertThat(schedule.addWorkingTime(at("2026-11-06T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-09T10:00"));
        assertThat(schedule.isWorkingDay(LocalDate.parse("2026-11-07"))).isFalse();
        assertThat(schedule.isWorkingDay(LocalDate.parse("2026-11-08"))).isFalse();
    }

    @Test
    void publicHolidayOnAWeekdayIsSkipped() {
        // Wednesday 30 September 17:00 + 2 h: 1 h that day, then 1–4 October off (holiday and weekend),
        // 5–7 off (holiday), 8 October (Thursday) works.
        assertThat(schedule.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(schedule.addWorkingTime(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
    }

    @Test
    void makeUpSaturdayIsCountedAsAWorkingDay() {
        // Friday 9 October 17:00 + 2 h: Saturday 10 October is a make-up working day (调休).
        assertThat(schedule.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(schedule.addWorkingTime(at("2026-10-09T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-10T10:00"));
        assertThat(schedule.isWorkingTime(at("2026-10-10T11:00"))).isTrue();
    }

    @Test
    void makeUpSundayIsCountedAsAWorkingDay() {
        assertThat(schedule.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
        assertThat(schedule.addWorkingTime(at("2026-09-19T12:00"), Duration.ofHours(1))).isEqualTo(at("2026-09-20T10:00"));
    }

    @Test
    void deadlineCrossingANightContinuesNextMorning() {
        // Tuesday 16:30 + 2 h: 1.5 h on Tuesday, 0.5 h on Wednesday morning.
        assertThat(schedule.addWorkingTime(at("2026-11-03T16:30"), Duration.ofHours(2))).isEqualTo(at("2026-11-04T09:30"));
    }

    @Test
    void deadlineEndingExactlyAtTheEndOfTheDayStaysOnThatDay() {
        assertThat(schedule.addWorkingTime(at("2026-11-03T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-03T18:00"));
    }

    @Test
    void timeRecordedAfterHoursStartsCountingAtTheNextOpening() {
        assertThat(schedule.addWorkingTime(at("2026-11-03T20:15"), Duration.ofHours(2))).isEqualTo(at("2026-11-04T11:00"));
        assertThat(schedule.addWorkingTime(at("2026-11-04T07:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-04T09:30"));
    }

    @Test
    void businessZoneMidnightDecidesTheDayNotUtc() {
        // 2026-11-06T16:30Z is Saturday 00:30 in Shanghai (Friday in UTC): not a working day, so
        // 1 working hour ends Monday 10:00 Shanghai time.
        Instant fridayInUtc = Instant.parse("2026-11-06T16:30:00Z");
        assertThat(schedule.isWorkingTime(fridayInUtc)).isFalse();
        assertThat(schedule.addWorkingTime(fridayInUtc, Duration.ofHours(1))).isEqualTo(at("2026-11-09T10:00"));
        // And 2026-11-08T23:30Z is already Monday 07:30 in Shanghai.
        assertThat(schedule.addWorkingTime(Instant.parse("2026-11-08T23:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-09T10:00"));
    }

    @Test
    void threeWorkingDaysAreThreeLengthsOfTheWorkingDay() {
        // A complaint on Monday 10:00 is answered by Thursday 10:00.
        assertThat(schedule.addWorkingDays(at("2026-11-02T10:00"), 3)).isEqualTo(at("2026-11-05T10:00"));
        // Thursday 10:00 + 3 working days skips the weekend: Tuesday 10:00.
        assertThat(schedule.addWorkingDays(at("2026-11-05T10:00"), 3)).isEqualTo(at("2026-11-10T10:00"));
    }

    @Test
    void twentyFourWorkingHoursSpanMoreThanTwoWorkingDays() {
        // Monday 09:00 + 24 h = 9 + 9 + 6: Wednesday 15:00.
        assertThat(schedule.addWorkingTime(at("2026-11-02T09:00"), Duration.ofHours(24))).isEqualTo(at("2026-11-04T15:00"));
    }

    @Test
    void workingTimeBetweenCountsOnlyWorkingHoursAndIsTheInverseOfAdding() {
        Instant from = at("2026-09-30T17:00");
        Instant to = schedule.addWorkingTime(from, Duration.ofHours(13));
        assertThat(schedule.workingTimeBetween(from, to)).isEqualTo(Duration.ofHours(13));
        assertThat(schedule.workingTimeBetween(to, from)).isEqualTo(Duration.ofHours(-13));
        assertThat(schedule.workingTimeBetween(at("2026-11-07T10:00"), at("2026-11-08T17:00"))).isZero();
        assertThat(schedule.workingTimeBetween(at("2026-11-06T17:30"), at("2026-11-09T09:45")))
                .isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void zeroAddsNothingAndNegativeIsRefused() {
        assertThat(schedule.addWorkingTime(at("2026-11-07T10:00"), Duration.ZERO)).isEqualTo(at("2026-11-07T10:00"));
        assertThatThrownBy(() -> schedule.addWorkingTime(at("2026-11-07T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherWorkingHoursMoveTheDeadline() {
        WorkingSchedule early = new WorkingSchedule(LocalTime.of(8, 30), LocalTime.of(17, 30), SHANGHAI, Map.of());
        assertThat(early.addWorkingTime(at("2026-11-03T17:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-04T09:00"));
    }
}
