package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The detail page of an opportunity, with names resolved. */
public record OpportunityDetails(long id, String title, long customerId, String customerName, Stage stage,
        BigDecimal amount, LocalDate expectedCloseDate, int probability, String nextStep, String lostReason,
        String ownerName, String createdByName, Instant createdAt, Instant updatedAt, Instant closedAt, long version,
        List<Line> lines) {

    /** A line as shown: the product by name even when it has been disabled since. */
    public record Line(String productLabel, String unit, boolean productEnabled, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal lineTotal) {
    }
}
