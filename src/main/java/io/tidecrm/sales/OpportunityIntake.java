package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

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
}
