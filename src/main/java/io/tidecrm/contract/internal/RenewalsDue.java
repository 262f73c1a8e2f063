package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.tidecrm.support.Where;

/**
 * The approved contracts in the viewer's scope whose service ends within a window from today, the
 * soonest first: what a rep renews next, what a manager's team has coming up (续约).
 */
public record RenewalsDue(LocalDate today, Window within, List<Row> rows) {

    /** How far ahead the list looks. */
    public enum Window {
        DAYS_30(30), DAYS_60(60), DAYS_90(90);

        private final int days;

        Window(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }

        /** The window of this name, or 30 days for one that is not offered. */
        static Window of(String name) {
            return Arrays.stream(values()).filter(w -> w.name().equals(name)).findFirst().orElse(DAYS_30);
        }
    }

    /**
     * @param daysLeft days from today to the last day of service (0 on the day)
     * @param renewalOpportunityId the renewal opportunity created from the contract, or null
     */
    public record Row(long contractId, String title, long customerId, String customerName, String ownerName,
            BigDecimal total, LocalDate serviceEnd, long daysLeft, Long renewalOpportunityId) {

        Row withOwner(String name) {
            return new Row(contractId, title, customerId, customerName, name, total, serviceEnd, daysLeft,
                    renewalOpportunityId);
        }
    }

    /**
     * The condition shared with the analytics' renewals card: a contract (alias k) that is not
     * terminated and whose service ends from {@code day} on, less than {@code days} days after it.
     */
    static Where endingWithin(Where approvedInScope, LocalDate day, int days) {
        return approvedInScope.add("k.status <> 'TERMINATED'")
                .add("k.service_end >= :day", "day", Date.valueOf(day))
                .add("k.service_end < :until", "until", Date.valueOf(day.plusDays(days)));
    }
}
