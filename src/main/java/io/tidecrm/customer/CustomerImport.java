package io.tidecrm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.RuleViolation;

/**
 * Customers with their contacts from a spreadsheet row, for the integration module's import.
 * Each row goes through the rules of the customer and contact forms: the same field validation,
 * the duplicate check across all customers (the pool's included), the owner's cap per type
 * under the owner's lock, and the owner history. A refused row throws {@link RuleViolation}
 * whose fields are {@link Field} names.
 */
public interface CustomerImport {

    /** The columns an import can fill, with the message key of their label. */
    enum Field {
        NAME("customer.name", true), CREDIT_CODE("customer.creditCode", true), TYPE("customer.type", true),
        STATUS("customer.status", true), SOURCE("customer.source", true), REFERRER("customer.referrer", true),
        REGION("customer.region", true), INDUSTRY("customer.industry", true), STAFF_SIZE("customer.staffSize", true),
        WEBSITE("customer.website", true), ADDRESS("customer.address", true), TAGS("customer.tags", true),
        EXPECTED_AMOUNT("customer.expectedAmount", true), EXPECTED_CLOSE_DATE("customer.expectedCloseDate", true),
        REQUIREMENTS("customer.requirements", true), REMARKS("customer.remarks", true), OWNER("customer.owner", true),
        CONTACT_NAME("contact.name", false), CONTACT_GENDER("contact.gender", false),
        CONTACT_DEPARTMENT("contact.department", false), CONTACT_TITLE("contact.title", false),
        CONTACT_MOBILE("contact.mobile", false), CONTACT_WECHAT_ID("contact.wechatId", false),
        CONTACT_EMAIL("contact.email", false), CONTACT_REMARKS("contact.remarks", false);

        private final String labelKey;
        private final boolean customerField;

        Field(String labelKey, boolean customerField) {
            this.labelKey = labelKey;
            this.customerField = customerField;
        }

        public String labelKey() {
            return labelKey;
        }

        public boolean customerField() {
            return customerField;
        }
    }

    /** Create only, update only, or both; a row is matched on the credit code or the normalised name. */
    enum Mode {
        CREATE_ONLY, UPDATE_ONLY, CREATE_OR_UPDATE
    }

    /** What a row did. */
    enum Result {
        /** A new customer, or a new contact of a customer. */
        CREATED,
        /** An existing customer (and contact) took the row's values. */
        UPDATED,
        /** Nothing to do in this mode (update only, and no such customer). */
        SKIPPED
    }

    /**
     * @param customerId the customer the row created, updated or added a contact to (null when skipped)
     * @param customerCreated whether this row created the customer
     * @param contactId the contact the row created (null when none was created)
     * @param customerVersion the customer's version after the row, to tell later whether anyone touched it
     */
    record Outcome(Result result, Long customerId, boolean customerCreated, Long contactId, long customerVersion) {
    }

    /**
     * Imports one row in the caller's transaction. {@code ofThisImport} are the customers this
     * import already created or updated: a further row for one of them adds its contact, while
     * a different name under the same credit code is a duplicate inside the file.
     * {@code at} is the import's time: a created customer's clock starts there.
     *
     * @throws RuleViolation with {@link Field} names as fields, when the row is refused
     */
    Outcome importRow(Map<Field, String> row, Mode mode, CurrentUser importer, Instant at, Set<Long> ofThisImport);

    /**
     * The rows of one import by one importer, in the caller's transaction: like
     * {@link #importRow}, with what every row would look up again (the importer's scope, the owners
     * named in the file) looked up once. Every rule is checked before the row writes anything, so a
     * refused row ({@link RuleViolation}) has written nothing, leaves the persistence context empty
     * and the transaction usable: the caller can go on with the next row in the same transaction.
     * Any other exception leaves the transaction to be rolled back.
     */
    interface Session {

        /** @see CustomerImport#importRow */
        Outcome importRow(Map<Field, String> row, Set<Long> ofThisImport);
    }

    /** A session for the rows of one import; refuses a rep, who does not import. */
    Session session(Mode mode, CurrentUser importer, Instant at);

    /** A customer that blocks an undo, with why: its current name. */
    record Blocker(long customerId, String name) {
    }

    /**
     * Of the customers an import created (id → version after the import), those touched since:
     * edited, followed up, transferred, released or grabbed, given another contact or an edited
     * one, or referred to by another record. Empty means the import can be undone.
     */
    List<Blocker> blockersOfUndo(Map<Long, Long> createdVersions, Set<Long> importedContactIds);

    /**
     * Removes the customers an import created, with their contacts and history, and the
     * contacts it added to other customers, when none is blocked; otherwise refuses with the
     * blockers. Runs in the caller's transaction.
     *
     * @return the blockers (empty when the undo happened)
     */
    List<Blocker> undo(Map<Long, Long> createdVersions, Set<Long> importedContactIds);

    /** The normalised name of the duplicate check (查重), for matching rows of a file. */
    String nameKey(String name);
}
