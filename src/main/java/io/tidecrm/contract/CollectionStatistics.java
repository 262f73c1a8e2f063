package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * Figures of the money for the sales reports: payments received against the plan, the ageing of
 * what is overdue, and the contracts coming up for renewal. Approved contracts only, each figure
 * computed in one statement inside the viewer's customer scope.
 */
public interface CollectionStatistics {

    /**
     * @param planned Σ instalments due in the month
     * @param received Σ payments received in the month (whatever instalment they pay)
     * @param receivedOnPlan Σ payments on the month's instalments, whenever received: the collection rate's numerator
     */
    record MonthRow(YearMonth month, BigDecimal planned, BigDecimal received, BigDecimal receivedOnPlan) {

        /** Percent of the month's plan collected so far, or null when nothing was planned. */
        public Integer collectionRate() {
            if (planned.signum() == 0) {
                return null;
            }
            return receivedOnPlan.multiply(BigDecimal.valueOf(100))
                    .divide(planned, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    /** @param fromDays, toDays days past due, both included (toDays null: and more) */
    record AgingRow(int fromDays, Integer toDays, long instalments, BigDecimal outstanding) {
    }

    /** @param withinDays 30, 60 or 90: the first of those windows that holds the service end */
    record RenewalRow(long contractId, String title, long customerId, String customerName, LocalDate serviceEnd,
            BigDecimal total, int withinDays) {
    }

    /**
     * The renewal rate of a period: of the approved contracts whose service ended in it, how many
     * the customer renewed, that is, has a later approved contract whose service runs past the
     * old one's end (by the renewal button or not).
     */
    record RenewalRate(long ended, long renewed) {

        /** Percent renewed, or null when no service ended in the period. */
        public Integer percent() {
            return ended == 0 ? null : (int) Math.round(100.0 * renewed / ended);
        }
    }

    /** One row per month of the range, both ends included, zeros included. */
    List<MonthRow> monthly(CurrentUser viewer, YearMonth from, YearMonth to);

    /** Outstanding amounts of overdue instalments on the day, by days past due: 1–30, 31–60, 61–90, over 90. */
    List<AgingRow> aging(CurrentUser viewer, LocalDate day);

    /** Contracts whose service ends within 90 days from the day (the day included), soonest first. */
    List<RenewalRow> renewalsDue(CurrentUser viewer, LocalDate day);

    /** The renewal rate of the contracts whose service ended between the two days, both included. */
    RenewalRate renewalRate(CurrentUser viewer, LocalDate from, LocalDate to);
}
