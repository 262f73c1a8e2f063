package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * Figures of the pipeline for the sales reports, each computed in one statement inside the
 * viewer's customer scope.
 */
public interface PipelineStatistics {

    /**
     * @param stage the stage code (S1 LEAD … S5 NEGOTIATION)
     * @param weighted Σ amount × probability / 100
     */
    record StageRow(String stage, long opportunities, BigDecimal amount, BigDecimal weighted) {
    }

    /**
     * @param reason the lost reason as typed (trimmed), or null for the won ones
     */
    record OutcomeRow(String outcome, String reason, long opportunities, BigDecimal amount) {
    }

    /**
     * @param left how many times an opportunity left the stage in the period
     * @param averageDays the mean days spent in the stage before leaving it, one decimal; null when none left it
     */
    record StageTime(String stage, long left, BigDecimal averageDays) {
    }

    /**
     * @param stage an open stage, or WON for the last row
     * @param reached how many of the period's new opportunities got to the stage (or further)
     * @param fromPrevious percent of those that reached the stage before, null for the first or when none did
     */
    record FunnelRow(String stage, long reached, Integer fromPrevious) {
    }

    /**
     * One month of the weighted forecast (as on the forecast page).
     *
     * @param month the expected close month, null for the open opportunities expected before today
     * @param weighted Σ amount × probability / 100 of the open ones
     * @param won the amount already won in the month
     */
    record ForecastRow(YearMonth month, long open, BigDecimal openAmount, BigDecimal weighted, BigDecimal won) {

        public BigDecimal forecast() {
            return weighted.add(won);
        }
    }

    /**
     * The forecast of the viewer's opportunities (a rep's own, a manager's team's, everyone's
     * for an administrator): the overdue open ones first, then each month from the current one.
     */
    List<ForecastRow> forecast(CurrentUser viewer);

    /** The open pipeline by stage, in stage order, every open stage listed (zeros included). */
    List<StageRow> openByStage(CurrentUser viewer);

    /**
     * The opportunities closed on the business days of the range: one row for the won ones
     * (outcome WON, reason null), then the lost ones grouped by reason, most frequent first.
     */
    List<OutcomeRow> closed(CurrentUser viewer, LocalDate from, LocalDate to);

    /** Time spent in each open stage by the opportunities that left it on the business days of the range, in stage order. */
    List<StageTime> timeInStage(CurrentUser viewer, LocalDate from, LocalDate to);

    /**
     * The opportunities created on the business days of the range, and how far they got: one row
     * per open stage and one for won, in order. Skipping a stage counts as passing it.
     */
    List<FunnelRow> funnel(CurrentUser viewer, LocalDate from, LocalDate to);
}
