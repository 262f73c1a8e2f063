package io.tidecrm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * For the development demo data only: a seeded random source and times relative to the
 * application clock. Every module's demo seeder draws with its own seed, so a fresh start gives
 * the same data every time, and every time is "so many days ago at 10:40", never a fixed date,
 * so the demo looks alive on whatever day it is started.
 */
public final class DemoRandom {

    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final Random random;
    private final ZoneId zone;
    private final Instant now;

    public DemoRandom(long seed, Clock clock) {
        this.random = new Random(seed);
        this.zone = clock.getZone();
        this.now = clock.instant();
    }

    /** The moment the seeding started; every time drawn is before it. */
    public Instant now() {
        return now;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return now.atZone(zone).toLocalDate();
    }

    public LocalDate date(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }

    /** An instant from {@code from} (included) to {@code to} (excluded); {@code from} when the range is empty. */
    public Instant between(Instant from, Instant to) {
        long span = Duration.between(from, to).toSeconds();
        return span <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * span));
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A shuffled copy. */
    public <T> List<T> shuffled(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** The time of day on a date in the business zone. */
    public Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(zone).toInstant();
    }

    /**
     * A time during office hours (9:00 to 19:30) of the day, never later than a few minutes before
     * now (a time of today before 9:00 in the morning is then earlier that morning).
     */
    public Instant officeTime(LocalDate day) {
        return officeTime(day, 9, 19);
    }

    /** A time from {@code fromHour}:00 to {@code toHour}:30 of the day, never later than a few minutes before now. */
    public Instant officeTime(LocalDate day, int fromHour, int toHour) {
        Instant at = at(day, between(fromHour, toHour), between(0, 5) * 6 + between(0, 5));
        Instant latest = now.minus(MARGIN);
        return at.isAfter(latest) ? latest.minus(Duration.ofMinutes(between(0, 50))) : at;
    }

    /** A time during office hours (9:00 to 18:55) of a day that may lie ahead: a planned follow-up. */
    public Instant plannedTime(LocalDate day) {
        return at(day, between(9, 18), between(0, 11) * 5);
    }

    /** A time during office hours of the day {@code daysAgo} days before today. */
    public Instant officeTimeDaysAgo(int daysAgo) {
        return officeTime(today().minusDays(daysAgo));
    }
}
