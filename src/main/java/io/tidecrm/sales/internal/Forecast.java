package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The weighted forecast: Σ amount × probability / 100 of the open opportunities by expected
 * close month, with the overdue open ones apart, next to what was already won in the month.
 *
 * @param rows the overdue row first, then one row per month from the current one
 * @param owners per owner, for a team or everyone (empty for a rep)
 */
public record Forecast(Scope scope, LocalDate today, List<Row> rows, Row total, List<OwnerRow> owners) {

    /** Whose opportunities are counted: the rep's, the manager's team's, or everyone's. */
    public enum Scope {
        MINE, TEAM, ALL
    }

    /** @param month null for the overdue open opportunities (and for the total) */
    public record Row(YearMonth month, long openCount, BigDecimal openAmount, BigDecimal weighted, BigDecimal won) {

        static Row empty(YearMonth month) {
            return new Row(month, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        /** The weighted open amount and what is already won. */
        public BigDecimal forecast() {
            return weighted.add(won);
        }
    }

    public record OwnerRow(long ownerId, String ownerName, long openCount, BigDecimal openAmount,
            BigDecimal weighted, BigDecimal won) {

        public BigDecimal forecast() {
            return weighted.add(won);
        }
    }
}
