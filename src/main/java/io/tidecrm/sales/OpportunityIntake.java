package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.catalog.PricedLine;

import io.tidecrm.identity.CurrentUser;

/**
 * Opportunities that come from outside the opportunity form (a converted lead), with the same rules
 * as the form, in the caller's transaction. A refused rule throws {@code io.tidecrm.support.RuleViolation}.
 */
public interface OpportunityIntake {

    /**
     * Creates an opportunity at S2 机会确认 (confirmed) for a customer the viewer may see, owned by the
     * customer's owner, without lines; returns its id.
     *
     * @param amount the expected amount, or null
     */
    long createConfirmed(long customerId, String title, BigDecimal amount, LocalDate expectedCloseDate,
            CurrentUser viewer);

    /**
     * Creates a renewal opportunity at S2 机会确认 for a customer the viewer may see, owned by
     * {@code ownerId} (the contract's owner), with these product lines: product, quantity, unit
     * price and discount kept, a product disabled since included, the totals computed again. A
     * customer in the pool is refused. Returns its id. Creating it once per contract is the
     * caller's rule.
     *
     * @param amount the amount when there are no lines (ignored otherwise)
     */
    long createRenewal(long customerId, long ownerId, String title, BigDecimal amount, LocalDate expectedCloseDate,
            List<PricedLine> lines, CurrentUser viewer);
}
