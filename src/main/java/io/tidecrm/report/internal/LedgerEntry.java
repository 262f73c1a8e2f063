package io.tidecrm.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact of the ledger, as a listener derives it from another module's fact.
 *
 * @param userId who is credited: the owner (or author) when it happened
 * @param teamId that user's team on that day, or null
 * @param value an amount in CNY, or 1 / −1 for a count
 * @param recordId the contract, customer or opportunity behind it (see {@link Board#recordKind()})
 * @param source names the originating fact, so that a fact delivered twice is counted once
 */
record LedgerEntry(Board board, long userId, Long teamId, LocalDate businessDate, BigDecimal value,
        long customerId, Long recordId, String label, String source, Instant occurredAt) {

    static LedgerEntry count(Board board, long userId, Long teamId, LocalDate day, int sign, long customerId,
            Long recordId, String label, String source, Instant occurredAt) {
        return new LedgerEntry(board, userId, teamId, day, BigDecimal.valueOf(sign), customerId, recordId, label,
                source, occurredAt);
    }
}
