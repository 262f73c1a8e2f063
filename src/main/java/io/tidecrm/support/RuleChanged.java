package io.tidecrm.support;

import java.time.Instant;

/**
 * An administrator changed a business rule (caps, pool days, ...): published by the module
 * that owns the rule, in the transaction that changed it, and kept in the audit log.
 *
 * @param rule a stable name such as {@code customer.cap.A}
 */
public record RuleChanged(String rule, String previousValue, String newValue, Long changedById,
        Instant changedAt) {
}
