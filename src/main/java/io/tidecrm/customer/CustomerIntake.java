package io.tidecrm.customer;

import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * Customers that come from outside the customer form (a converted lead): the duplicate check
 * against customers (the pool's included) and their contacts, and the creation of a customer with
 * its contact under the same rules as the form (duplicate name or credit code, the owner's cap
 * under the owner's lock, the owner history). Everything runs in the caller's transaction; a
 * refused rule throws {@code io.tidecrm.support.RuleViolation} on the fields {@code name},
 * {@code creditCode} or {@code type} (the cap).
 */
public interface CustomerIntake {

    /** The company name folded the way the customer duplicate check folds it (查重 key). */
    String nameKey(String companyName);

    /**
     * Customers and contacts that match by folded company name, credit code, mobile or e-mail.
     * A match the viewer may not see names its owner masked and no contact.
     */
    List<DuplicateMatch> findDuplicates(DuplicateProbe probe, CurrentUser viewer);

    /**
     * Creates the customer of {@code customer.ownerId()} with its primary contact: its clock starts
     * now, its owner history says CONVERTED, and {@link CustomerObtained} with kind CONVERTED is
     * published. Returns the new customer's id.
     */
    long createConverted(NewCustomer customer, NewContact contact, CurrentUser convertedBy);

    /** Adds a contact (not primary) to a customer the viewer may see; returns its id. */
    long addContact(long customerId, NewContact contact, CurrentUser viewer);

    /** What a duplicate check looks for; blank values are ignored. */
    record DuplicateProbe(String companyName, String creditCode, String mobile, String email) {
    }

    /**
     * One match.
     *
     * @param matchedOn NAME, CREDIT_CODE, MOBILE or EMAIL
     * @param visible whether the viewer may open the customer
     * @param ownerName the owner's name, masked ("张*") when the viewer may not see the customer; null in the pool
     * @param contactName the matching contact (mobile, e-mail), null otherwise or when not visible
     */
    record DuplicateMatch(long customerId, String customerName, String matchedOn, boolean visible, boolean inPool,
            String ownerName, String contactName) {
    }

    /** A customer to create from a lead. */
    record NewCustomer(String name, String creditCode, CustomerType type, String region, String industry,
            CustomerSource source, String referrer, String remarks, List<String> tags, long ownerId) {
    }

    /** A contact to create. */
    record NewContact(String name, String title, String mobile, String email, String wechatId) {
    }
}
