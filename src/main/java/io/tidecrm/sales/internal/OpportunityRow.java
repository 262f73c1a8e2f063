package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One opportunity in a list, on the board or on the customer page. */
public record OpportunityRow(long id, String title, long customerId, String customerName, Stage stage,
        BigDecimal amount, LocalDate expectedCloseDate, int probability, long ownerId, String ownerName,
        long version) {

    OpportunityRow withOwnerName(String name) {
        return new OpportunityRow(id, title, customerId, customerName, stage, amount, expectedCloseDate, probability,
                ownerId, name, version);
    }
}
