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
     * The rows of one import by one importer, each in the caller's transaction (the import commits
     * a batch of rows at a time). Every row goes through the form's rules: validation, the
     * duplicate check across all customers with the pool, the owner's cap per type under the
     * owner's lock. What every row would look up again (the importer's scope, the owners named in
     * the file, the customers matching the rows, the owners' counts under their locks) is looked
     * up once per job or per transaction, and what every row would write one statement and one
     * event at a time (owner history, {@link CustomersImported}) is written when the transaction
     * commits. Every rule is checked before the row writes anything, so a refused row
     * ({@link RuleViolation}) has written nothing, leaves the persistence context empty and the
     * transaction usable: the caller can go on with the next row in the same transaction. Any
     * other exception leaves the transaction to be rolled back.
     */
    interface Session {

        /**
         * Imports one row. {@code ofThisImport} are the customers this import already created or
         * updated: a further row for one of them adds its contact, while a different name under the
         * same credit code is a duplicate inside the file. A created customer's clock starts at the
         * import's time.
         *
         * @throws RuleViolation with {@link Field} names as fields, when the row is refused
         */
        Outcome importRow(Map<Field, String> row, Set<Long> ofThisImport);

        /**
         * Looks up, in the caller's transaction and in a few set-based statements, what the next
         * rows will need: the customers they match by credit code or normalised name, and their
         * owners' counts per type, taking the owners' locks (held until the transaction ends). Only
         * a shortcut: a row that was not prepared looks up what it needs itself.
         */
        void prepare(List<Map<Field, String>> rows);
    }

    /**
     * A session for the rows of one import; refuses a rep, who does not import.
     *
     * @param importId the import, under which the values that its updates overwrite are kept for its undo
     * @param at the import's time: a created customer's clock starts there
     */
    Session session(long importId, Mode mode, CurrentUser importer, Instant at);

    /** A customer that blocks an undo, with why: its current name. */
    record Blocker(long customerId, String name) {
    }

    /**
     * Of the customers an import created (id → version after the import) or updated (kept under
     * {@code importId}), those touched since: edited, followed up, transferred, released or
     * grabbed, given another contact or an edited one, or referred to by another record. Empty
     * means the import can be undone.
     */
    List<Blocker> blockersOfUndo(long importId, Map<Long, Long> createdVersions, Set<Long> importedContactIds);

    /**
     * Undoes an import when none of its customers is blocked: removes the customers it created,
     * with their contacts and history, and the contacts it added to other customers, and gives
     * the customers and contacts it updated their previous values again. Otherwise refuses with
     * the blockers. Runs in the caller's transaction; publishes {@link CustomerImportUndone}.
     *
     * @return the blockers (empty when the undo happened)
     */
    List<Blocker> undo(long importId, Map<Long, Long> createdVersions, Set<Long> importedContactIds, long byUserId);

    /** The normalised name of the duplicate check (查重), for matching rows of a file. */
    String nameKey(String name);
}
