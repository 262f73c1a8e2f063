package io.tidecrm.customer.internal;

/**
 * The name or credit code matches an existing customer (pool customers included). The page
 * links to it when the user may see it, and otherwise names its owner.
 */
public class DuplicateCustomerException extends RuntimeException {

    private final Duplicate duplicate;

    DuplicateCustomerException(Duplicate duplicate) {
        super("Duplicate customer");
        this.duplicate = duplicate;
    }

    Duplicate duplicate() {
        return duplicate;
    }

    /** @param ownerName null when the customer is in the pool */
    public record Duplicate(long id, String name, boolean visible, boolean inPool, String ownerName, boolean byCreditCode) {
    }
}
