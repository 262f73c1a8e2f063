package io.tidecrm.customer;

import java.time.Instant;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetPage;

/**
 * Customers and contacts read and written by another channel than the pages (the REST API),
 * through exactly the services of the forms: the same validation, duplicate check, ownership cap,
 * stale-version check and visibility. A customer or contact outside the caller's scope throws
 * {@link CustomerNotFoundException}; a refused rule throws {@code io.tidecrm.support.RuleViolation}
 * (the stale version as {@code form.staleVersion}); an input that breaks a field's constraint throws
 * {@code jakarta.validation.ConstraintViolationException}.
 */
public interface CustomerRecords {

    /** The customers the viewer may see, newest first, one page after {@code cursor}. */
    KeysetPage<CustomerData> list(String cursor, int pageSize, CurrentUser viewer);

    CustomerData get(long customerId, CurrentUser viewer);

    /** Creates a customer owned by {@code user}, as the form does, and returns its id. */
    long create(CustomerInput input, CurrentUser user);

    /**
     * Changes the fields of {@code input} that are not null, as the form does, if the customer is
     * still at {@code version}.
     */
    void update(long customerId, CustomerInput input, long version, CurrentUser user);

    /** The customer's contacts, primary first. */
    List<ContactData> contacts(long customerId, CurrentUser viewer);

    ContactData contact(long contactId, CurrentUser viewer);

    long addContact(long customerId, ContactInput input, CurrentUser user);

    /** Changes the fields of {@code input} that are not null, if the contact is still at {@code version}. */
    void updateContact(long contactId, ContactInput input, long version, CurrentUser user);

    /** A customer as the API shows it; {@code ownerId} null means it is in the pool. */
    record CustomerData(long id, String name, String creditCode, CustomerType type, CustomerStatus status,
            CustomerSource source, String region, String industry, String website, String address, String remarks,
            List<String> tags, Long ownerId, Instant nextFollowUpAt, Instant lastFollowUpAt, Instant createdAt,
            Instant updatedAt, long version) {
    }

    /** What a caller may set on a customer; null leaves a field as it is (on an update). */
    record CustomerInput(String name, String creditCode, CustomerType type, CustomerSource source,
            CustomerStatus status, String region, String industry, String referrer, String website, String address,
            Instant nextFollowUpAt, String remarks, List<String> tags) {
    }

    record ContactData(long id, long customerId, String name, String gender, String department, String title,
            String mobile, String wechatId, String email, String remarks, boolean primary, long version) {
    }

    /** What a caller may set on a contact; null leaves a field as it is (on an update). */
    record ContactInput(String name, String gender, String department, String title, String mobile, String wechatId,
            String email, String remarks, Boolean primary) {
    }
}
