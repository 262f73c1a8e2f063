package io.tidecrm.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/** Figures of the new customers for the sales reports, computed in one statement inside the viewer's scope. */
public interface CustomerStatistics {

    /** What the new customers are grouped by. */
    enum Dimension {
        SOURCE, INDUSTRY, REGION, TYPE
    }

    /**
     * @param value the source or type code, or the industry or region as typed; null when not filled in
     * @param won how many of them have been won since (成交)
     * @param averageDaysToWin the mean number of days from creation to the first win, one decimal; null when none was won
     */
    record Row(String value, long customers, long won, BigDecimal averageDaysToWin) {

        /** Percent of the customers won, or null when there are none. */
        public Integer winRate() {
            return customers == 0 ? null : (int) Math.round(won * 100.0 / customers);
        }
    }

    /** Customers created on the business days of the range, grouped, most numerous first (at most 30 groups). */
    List<Row> newCustomers(CurrentUser viewer, Dimension dimension, LocalDate from, LocalDate to);
}
