package io.tidecrm.customer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A user obtained a customer: created it, grabbed it from the pool, was assigned it from the
 * pool, had it transferred to them, imported it or converted it from a lead. A fact for read
 * models (the leaderboard's "new customers" and "grabbed" boards): it carries the owner and
 * the owner's team at that moment and the business date, so that a listener never reads the
 * customer tables.
 *
 * @param previousOwnerId the owner before a transfer, null otherwise
 * @param kind CREATED, IMPORTED, CONVERTED, GRABBED, ASSIGNED or TRANSFERRED
 * @param byUserId who made the change (the new owner for a grab or a creation)
 * @param businessDate the day of {@code occurredAt} in the business zone
 */
public record CustomerObtained(long customerId, String customerName, CustomerType type, long ownerId,
        Long ownerTeamId, Long previousOwnerId, OwnerChangeKind kind, Long byUserId, Instant occurredAt,
        LocalDate businessDate) {
}
