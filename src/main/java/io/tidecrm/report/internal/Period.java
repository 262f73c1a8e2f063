package io.tidecrm.report.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of business days, both ends included: a day, a week (Monday first), a month, a
 * quarter, a year, or a custom range.
 */
record Period(Kind kind, LocalDate from, LocalDate to) {

    enum Kind {
        DAY, WEEK, MONTH, QUARTER, YEAR, CUSTOM
    }

    /** The longest custom range, in days: three years. */
    static final int MAX_CUSTOM_DAYS = 3 * 366;

    Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A period ends on or after its start: " + from + " … " + to);
        }
    }

    /** The period of this kind that contains the day (not for {@link Kind#CUSTOM}). */
    static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY -> new Period(kind, day, day);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new Period(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                yield new Period(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(kind, day.withDayOfYear(1), day.with(TemporalAdjusters.lastDayOfYear()));
            case CUSTOM -> throw new IllegalArgumentException("A custom period has explicit ends");
        };
    }

    /**
     * The period an address asks for: of the kind, around the day (default today), or the custom
     * range; today's period of the fallback kind where the range is missing, reversed or too
     * long, with the message key of what was wrong added to the problems (each names its field).
     *
     * @param leftOut the parameters that did not convert (already reported by the caller)
     * @param fallback the kind of today's period shown instead of a wrong custom range
     * @param problemPrefix the start of the problems' message keys (the page's own wording)
     */
    static Period resolve(Kind kind, LocalDate date, LocalDate from, LocalDate to, LocalDate today,
            java.util.Set<String> leftOut, List<String> problems, Kind fallback, String problemPrefix) {
        if (kind != Kind.CUSTOM) {
            return containing(kind, date == null ? today : date);
        }
        if (from == null || to == null) {
            if (!leftOut.contains("from") && !leftOut.contains("to")) {
                problems.add(problemPrefix + "customMissing");
            }
        } else if (to.isBefore(from)) {
            problems.add(problemPrefix + "range");
        } else if (custom(from, to).days() > MAX_CUSTOM_DAYS) {
            problems.add(problemPrefix + "tooLong");
        } else {
            return custom(from, to);
        }
        return containing(fallback, today);
    }

    static Period custom(LocalDate from, LocalDate to) {
        return new Period(Kind.CUSTOM, from, to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same kind just before (for a custom range: as many days just before). */
    public Period previous() {
        return kind == Kind.CUSTOM ? custom(from.minusDays(days()), from.minusDays(1))
                : containing(kind, from.minusDays(1));
    }

    /** The period of the same kind just after. */
    public Period next() {
        return kind == Kind.CUSTOM ? custom(to.plusDays(1), to.plusDays(days())) : containing(kind, to.plusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * The months the period is made of, when it is made of whole months (a month, a quarter, a
     * year, or a custom range from a first to a last day); empty otherwise. Targets are monthly,
     * so attainment is shown for such periods only.
     */
    public List<YearMonth> wholeMonths() {
        if (from.getDayOfMonth() != 1 || !to.equals(to.with(TemporalAdjusters.lastDayOfMonth()))) {
            return List.of();
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
