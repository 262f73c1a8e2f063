package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Contracts and payments received, read by another channel than the pages (the REST API),
 * inside the viewer's customer scope; an id outside it answers 404 like one that does not exist.
 */
public interface ContractRecords {

    /** Newest first, one page after {@code cursor}. */
    KeysetPage<ContractData> list(String cursor, int pageSize, CurrentUser viewer);

    ContractData get(long contractId, CurrentUser viewer);

    /** Payments received on the contracts the viewer may see, newest first. */
    KeysetPage<PaymentData> payments(String cursor, int pageSize, CurrentUser viewer);

    record ContractData(long id, long customerId, String customerName, long ownerId, String title, String status,
            String type, String approvalState, BigDecimal total, LocalDate signDate, LocalDate serviceStart,
            LocalDate serviceEnd, Instant createdAt, Instant updatedAt, long version) {
    }

    record PaymentData(long id, long contractId, long customerId, LocalDate paidOn, BigDecimal amount, String method,
            Long instalmentId, Instant recordedAt) {
    }
}
