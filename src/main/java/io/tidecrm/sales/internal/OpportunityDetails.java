package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.catalog.LineView;

/** The detail page of an opportunity, with names resolved. */
public record OpportunityDetails(long id, String title, long customerId, String customerName, Stage stage,
        BigDecimal amount, LocalDate expectedCloseDate, int probability, String nextStep, String lostReason,
        String ownerName, String createdByName, Instant createdAt, Instant updatedAt, Instant closedAt, long version,
        List<LineView> lines) {
}
