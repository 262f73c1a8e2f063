package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

/**
 * The name or credit code matches an existing customer (pool customers included). The one
 * refusal that is more than a message: it carries the existing customer, so that the page
 * links to it when the user may see it and otherwise names its owner. A caller that only
 * knows {@link RuleViolation} still gets the message on the field that matched.
 */
public class DuplicateCustomerException extends RuleViolation {

    private final Duplicate duplicate;

    DuplicateCustomerException(Duplicate duplicate) {
        super(duplicate.byCreditCode() ? "creditCode" : "name",
                duplicate.byCreditCode() ? "customer.duplicate.byCode" : "customer.duplicate.byName");
        this.duplicate = duplicate;
    }

    Duplicate duplicate() {
        return duplicate;
    }

    /** @param ownerName null when the customer is in the pool */
    public record Duplicate(long id, String name, boolean visible, boolean inPool, String ownerName, boolean byCreditCode) {
    }
}
