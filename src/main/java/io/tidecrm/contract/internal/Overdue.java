package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The overdue instalments of approved contracts in the viewer's scope (a manager's team, all for
 * an administrator), by ageing bucket.
 */
public record Overdue(LocalDate today, List<Bucket> buckets, List<Row> rows) {

    /** 1–30, 31–60, 61–90 and more than 90 days past the due date. */
    public enum Range {
        DAYS_1_30(1, 30), DAYS_31_60(31, 60), DAYS_61_90(61, 90), DAYS_90_PLUS(91, Long.MAX_VALUE);

        private final long from;
        private final long to;

        Range(long from, long to) {
            this.from = from;
            this.to = to;
        }

        static Range of(long days) {
            for (Range r : values()) {
                if (days >= r.from && days <= r.to) {
                    return r;
                }
            }
            throw new IllegalArgumentException("Not overdue: " + days);
        }
    }

    public record Bucket(Range range, long count, BigDecimal outstanding) {
    }

    public record Row(long instalmentId, long contractId, String title, long customerId, String customerName,
            String ownerName, LocalDate dueDate, BigDecimal amount, BigDecimal outstanding, long days, Range range) {
    }
}
