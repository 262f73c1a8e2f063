package io.tidecrm.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment received (回款) was recorded against an approved contract. Credited to the
 * contract's owner and their team at the moment of entry, on the business date of the entry
 * (not the date the money arrived, which may be earlier), so that no past day changes.
 *
 * @param paidOn the date the money arrived, as entered
 * @param instalmentId the instalment of the plan it pays, or null
 */
public record PaymentRecorded(long paymentId, long contractId, long customerId, long ownerId, Long ownerTeamId,
        BigDecimal amount, LocalDate paidOn, Long instalmentId, long recordedById, Instant occurredAt,
        LocalDate businessDate) {
}
