package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The instalments still to be received in the viewer's scope, due within a window from today, the
 * overdue ones first: what a rep chases this week, what a manager's team has coming in.
 */
public record InstalmentsDue(LocalDate today, Window within, List<Row> rows, long overdueCount,
        BigDecimal outstanding) {

    /** How far ahead the list looks; the home page counts the first. */
    public enum Window {
        DAYS_7(7), DAYS_30(30), DAYS_90(90);

        private final int days;

        Window(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }
    }

    /**
     * @param days days past the due date: positive when overdue, zero on the due date, negative before it
     */
    public record Row(long instalmentId, long contractId, String title, long customerId, String customerName,
            String ownerName, LocalDate dueDate, BigDecimal amount, BigDecimal outstanding, long days) {

        public boolean overdue() {
            return days > 0;
        }

        /** Days left until the due date (0 on the day). */
        public long daysLeft() {
            return -days;
        }

        Row withOwner(String name) {
            return new Row(instalmentId, contractId, title, customerId, customerName, name, dueDate, amount,
                    outstanding, days);
        }
    }

    static InstalmentsDue of(LocalDate today, Window within, List<Row> rows) {
        long overdue = rows.stream().filter(Row::overdue).count();
        BigDecimal outstanding = rows.stream().map(Row::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new InstalmentsDue(today, within, rows, overdue, outstanding);
    }
}
