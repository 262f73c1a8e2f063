package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Opportunities read by another channel than the pages (the REST API), inside the viewer's
 * customer scope; an id outside it answers 404 like one that does not exist.
 */
public interface OpportunityRecords {

    /** Newest first, one page after {@code cursor}. */
    KeysetPage<OpportunityData> list(String cursor, int pageSize, CurrentUser viewer);

    OpportunityData get(long opportunityId, CurrentUser viewer);

    record OpportunityData(long id, long customerId, String customerName, long ownerId, String title, String stage,
            BigDecimal amount, int probability, LocalDate expectedCloseDate, String nextStep, Instant createdAt,
            Instant updatedAt, Instant closedAt, long version) {
    }
}
