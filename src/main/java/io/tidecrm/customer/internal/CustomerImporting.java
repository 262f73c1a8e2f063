package io.tidecrm.customer.internal;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.customer.CustomerImportUndone;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.customer.StaffSize;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One spreadsheet row as the customer and contact forms would take it: the cells become a
 * {@link CustomerForm} and a {@link ContactForm}, checked by the same Bean Validation and the same
 * {@link CustomerEditing} rules (credit code, referrer, tags, won only by a manager, duplicates
 * across all customers with the pool), and a new owner's cap is checked under their lock by
 * {@link OwnershipCaps}. Coded cells (type, status, source, staff size, gender) take the code or
 * its label in Chinese or English, as the template's drop-down lists offer them.
 * <p>
 * The rules are the form's, but not its statements: a row through the form's services cost about
 * twenty statements and four event publications (10,000 rows took 104 s). Here a transaction's
 * rows share one {@code Batch}: the duplicate lookups are answered from the customers that match
 * the batch's rows (one set-based query, kept up to date with the rows' writes; the database is
 * asked whenever the batch does not know), the caps from the owners' counts taken once under their
 * locks and kept up to date, and the owner history and the event of the created customers
 * ({@link CustomersImported}) are written once when the batch commits.
 */
@Service
@Transactional
class CustomerImporting implements CustomerImport {

    private final CustomerEditing editing;
    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final OwnershipCaps caps;
    private final Visibility visibility;
    private final UserManagement users;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Object> codesByLabel;

    @PersistenceContext
    private EntityManager entityManager;

    CustomerImporting(CustomerEditing editing, CustomerRepository customers, ContactRepository contacts,
            OwnershipCaps caps, Visibility visibility, UserManagement users,
            Validator validator, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            MessageSource messages) {
        this.editing = editing;
        this.customers = customers;
        this.contacts = contacts;
        this.caps = caps;
        this.visibility = visibility;
        this.users = users;
        this.validator = validator;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.codesByLabel = labels(messages);
    }

    @Override
    public String nameKey(String name) {
        return CustomerNames.key(name);
    }

    @Override
    public Session session(long importId, Mode mode, CurrentUser importer, Instant at) {
        if (importer.role() == Role.REP) {
            throw new org.springframework.security.access.AccessDeniedException("Reps do not import");
        }
        Run run = new Run(importId, mode, importer, at, visibility.scopeOf(importer));
        return new Session() {
            @Override
            public Outcome importRow(Map<Field, String> row, Set<Long> ofThisImport) {
                return CustomerImporting.this.importRow(row, run, ofThisImport);
            }

            @Override
            public void prepare(List<Map<Field, String>> rows) {
                CustomerImporting.this.prepare(rows, run);
            }
        };
    }

    /**
     * One import's settings and what its rows would otherwise look up again and again: the
     * importer's scope, the owners named so far (by the cell's text) with their teams, and the
     * enabled users by display name (loaded once, when a cell first names an owner by display name).
     */
    private static final class Run {
        final long importId;
        final Mode mode;
        final CurrentUser importer;
        final Instant at;
        final Scope scope;
        final Map<String, Long> owners = new HashMap<>();
        final Map<Long, Long> teams = new HashMap<>();
        Map<String, List<UserSummary>> enabledByDisplayName;

        Run(long importId, Mode mode, CurrentUser importer, Instant at, Scope scope) {
            this.importId = importId;
            this.mode = mode;
            this.importer = importer;
            this.at = at;
            this.scope = scope;
        }
    }

    /** What the import knows of a customer in the current transaction: enough to match a row to it. */
    private record Known(long id, String name, String nameKey, String creditCode, Long ownerId, long version) {

        static Known of(Customer c) {
            return new Known(c.getId(), c.getName(), c.getNameKey(), c.getCreditCode(), c.getOwnerId(), c.getVersion());
        }
    }

    /**
     * What the rows of one transaction of an import share, bound to the transaction: the customers
     * looked up by normalised name and by credit code (a key mapped to null: no such customer),
     * kept up to date with what the rows write; the cap rules and the counts of the owners locked
     * in it; and what is written when it commits (the owner history of the created customers and
     * one {@link CustomersImported}). Forgotten when the transaction ends, committed or rolled back.
     */
    private final class Batch implements TransactionSynchronization {
        final Run run;
        final Map<String, Known> byKey = new HashMap<>();
        final Map<String, Known> byCode = new HashMap<>();
        CustomerRules rules;
        final Map<Long, EnumMap<CustomerType, Long>> owned = new HashMap<>();
        final List<CustomersImported.Imported> created = new ArrayList<>();

        Batch(Run run) {
            this.run = run;
        }

        void know(Known k) {
            byKey.put(k.nameKey(), k);
            if (k.creditCode() != null) {
                byCode.put(k.creditCode(), k);
            }
        }

        /** The customer's keys after a row changed them: the old ones free, the new ones taken. */
        void moved(Known before, Known after) {
            byKey.put(before.nameKey(), null);
            if (before.creditCode() != null) {
                byCode.put(before.creditCode(), null);
            }
            know(after);
        }

        CustomerRules rules() {
            if (rules == null) {
                rules = caps.rules();
            }
            return rules;
        }

        /** The owner's counts per type, locking the owner first when this transaction has not yet. */
        EnumMap<CustomerType, Long> owned(long ownerId) {
            EnumMap<CustomerType, Long> counts = owned.get(ownerId);
            if (counts == null) {
                owned.putAll(caps.lockAndCount(List.of(ownerId), rules()));
                counts = owned.get(ownerId);
            }
            return counts;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (created.isEmpty()) {
                return;
            }
            // One statement for the batch's owner history (an owner of 0 stands for the pool).
            jdbc.sql("""
                    INSERT INTO customer_owner_history (customer_id, previous_owner_id, new_owner_id, changed_by_id,
                                                        kind, changed_at)
                    SELECT h.customer_id, NULL, NULLIF(h.owner_id, 0), :by, :kind, :at
                    FROM unnest(:customers, :owners) AS h (customer_id, owner_id)
                    """)
                    .param("customers", created.stream().map(CustomersImported.Imported::customerId).toArray(Long[]::new))
                    .param("owners", created.stream().map(c -> c.ownerId() == null ? 0L : c.ownerId()).toArray(Long[]::new))
                    .param("by", run.importer.id())
                    .param("kind", OwnerChangeKind.IMPORTED.name())
                    .param("at", java.sql.Timestamp.from(run.at))
                    .update();
            events.publishEvent(new CustomersImported(created, run.importer.id(), run.at,
                    LocalDate.ofInstant(run.at, clock.getZone())));
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(run);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(run, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(run);
        }
    }

    /** The current transaction's batch of the import, bound to the transaction on first use. */
    private Batch batch(Run run) {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(run);
        if (batch == null) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("An import's rows run in a transaction");
            }
            batch = new Batch(run);
            TransactionSynchronizationManager.bindResource(run, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    private void prepare(List<Map<Field, String>> rows, Run run) {
        Batch batch = batch(run);
        Set<String> keys = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Set<Long> owners = new HashSet<>();
        for (Map<Field, String> row : rows) {
            String name = cell(row, Field.NAME);
            if (!name.isEmpty() && !batch.byKey.containsKey(CustomerNames.key(name))) {
                keys.add(CustomerNames.key(name));
            }
            String code = CreditCodes.normalize(cell(row, Field.CREDIT_CODE));
            if (code != null && !batch.byCode.containsKey(code)) {
                codes.add(code);
            }
            if (run.mode != Mode.UPDATE_ONLY) {
                try {
                    Long owner = owner(cell(row, Field.OWNER), run);
                    if (owner != null && !batch.owned.containsKey(owner)) {
                        owners.add(owner);
                    }
                } catch (RuleViolation e) {
                    // The row is refused with it when its turn comes.
                }
            }
        }
        if (!keys.isEmpty() || !codes.isEmpty()) {
            jdbc.sql("""
                    SELECT id, name, name_key, credit_code, owner_id, version FROM customer
                    WHERE name_key = ANY(:keys) OR credit_code = ANY(:codes)
                    """)
                    .param("keys", keys.toArray(String[]::new))
                    .param("codes", codes.toArray(String[]::new))
                    .query((rs, n) -> new Known(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), rs.getLong(6)))
                    .list()
                    .forEach(batch::know);
            keys.forEach(k -> batch.byKey.putIfAbsent(k, null));
            codes.forEach(c -> batch.byCode.putIfAbsent(c, null));
        }
        if (!owners.isEmpty()) {
            batch.owned.putAll(caps.lockAndCount(owners, batch.rules()));
        }
    }

    /** The customer of the normalised name, from the batch when it knows, else from the database. */
    private Known byKey(Batch batch, String key) {
        if (!batch.byKey.containsKey(key)) {
            customers.findByNameKey(key).map(Known::of).ifPresentOrElse(batch::know, () -> batch.byKey.put(key, null));
        }
        return batch.byKey.get(key);
    }

    private Known byCode(Batch batch, String code) {
        if (!batch.byCode.containsKey(code)) {
            customers.findByCreditCode(code).map(Known::of).ifPresentOrElse(batch::know,
                    () -> batch.byCode.put(code, null));
        }
        return batch.byCode.get(code);
    }

    /**
     * The form's duplicate check ({@link CustomerEditing#requireNoDuplicate}): answered from the
     * batch when it knows both keys and neither is another customer's, else asked of the database,
     * whose answer names the duplicate as the form does.
     */
    private void requireNoDuplicate(Customer customer, Batch batch) {
        String key = customer.getNameKey();
        String code = customer.getCreditCode();
        boolean known = batch.byKey.containsKey(key) && (code == null || batch.byCode.containsKey(code));
        if (known && isSelfOrNone(batch.byKey.get(key), customer)
                && (code == null || isSelfOrNone(batch.byCode.get(code), customer))) {
            return;
        }
        editing.requireNoDuplicate(customer, batch.run.scope);
    }

    private static boolean isSelfOrNone(Known known, Customer customer) {
        return known == null || Objects.equals(known.id(), customer.getId());
    }

    /** The cap's check of the form ({@link OwnershipCaps#requireRoom}) on the counts the batch keeps under the owner's lock. */
    private void requireRoom(Batch batch, long ownerId, CustomerType type) {
        try {
            OwnershipCaps.requireRoom(batch.rules(), type, batch.owned(ownerId).getOrDefault(type, 0L));
        } catch (RuleViolation e) {
            throw e.onField(Field.TYPE.name());
        }
    }

    /** The counts after a customer of the owner left ({@code -1}) or took ({@code +1}) a type and status. */
    private static void count(Batch batch, long ownerId, CustomerType type, CustomerStatus status, long change) {
        if (OwnershipCaps.counts(batch.rules(), status)) {
            batch.owned(ownerId).merge(type, change, Long::sum);
        }
    }

    private Outcome importRow(Map<Field, String> row, Run run, Set<Long> ofThisImport) {
        try {
            return importChecked(row, batch(run), ofThisImport);
        } catch (RuntimeException e) {
            // A refused update may have changed the managed customer before its refusal: that
            // change must not reach the database with a later row of the same transaction.
            entityManager.clear();
            throw refusal(e);
        }
    }

    /** A refusal in the import's terms: the duplicate named, the form's fields as the import's columns. */
    private static RuntimeException refusal(RuntimeException thrown) {
        if (thrown instanceof DuplicateCustomerException e) {
            var d = e.duplicate();
            return new RuleViolation(d.byCreditCode() ? Field.CREDIT_CODE.name() : Field.NAME.name(),
                    d.inPool() ? "customer.import.duplicate.inPool" : "customer.import.duplicate.owned", d.name(),
                    d.ownerName() == null ? "" : d.ownerName());
        }
        if (thrown instanceof RuleViolation e) {
            RuleViolation remapped = null;
            for (RuleViolation.Violation v : e.violations()) {
                Field field = v.field() == null ? null : CUSTOMER_FIELDS.get(v.field());
                String name = field != null ? field.name() : v.field();
                remapped = remapped == null ? new RuleViolation(name, v.messageKey(), v.argArray())
                        : remapped.and(name, v.messageKey(), v.argArray());
            }
            return remapped == null ? e : remapped;
        }
        return thrown;
    }

    private Outcome importChecked(Map<Field, String> row, Batch batch, Set<Long> ofThisImport) {
        Run run = batch.run;
        Mode mode = run.mode;
        CurrentUser importer = run.importer;
        Instant at = run.at;
        String name = cell(row, Field.NAME);
        if (name.isEmpty()) {
            throw new RuleViolation(Field.NAME.name(), "NotBlank", label(Field.NAME));
        }
        String code = CreditCodes.normalize(cell(row, Field.CREDIT_CODE));
        Known byCode = code == null ? null : byCode(batch, code);
        Known byName = byKey(batch, CustomerNames.key(name));
        if (byCode != null && byName != null && byCode.id() != byName.id()) {
            throw new RuleViolation(Field.CREDIT_CODE.name(), "customer.import.codeAndNameDiffer", byCode.name(),
                    byName.name());
        }
        Known match = byCode != null ? byCode : byName;
        // Every problem of the row at once: the contact's cells are checked, and refused together
        // with the customer's (see checkedForm), before anything is written.
        ContactForm contact = null;
        RuleViolation contactRefused = null;
        try {
            contact = contactForm(row);
        } catch (RuleViolation e) {
            contactRefused = e;
        }
        if (match != null && ofThisImport.contains(match.id())) {
            if (byName == null) {
                // The same credit code under another name earlier in this file.
                throw new RuleViolation(Field.CREDIT_CODE.name(), "customer.import.duplicateInFile.code", match.name());
            }
            if (code != null && !code.equals(match.creditCode())) {
                // The same name under another credit code earlier in this file.
                throw new RuleViolation(Field.NAME.name(), "customer.import.duplicateInFile.name", match.name());
            }
            if (contactRefused != null) {
                throw contactRefused;
            }
            return addOrUpdateContact(match, contact, run, false);
        }
        if (match == null) {
            if (mode == Mode.UPDATE_ONLY) {
                return new Outcome(Result.SKIPPED, null, false, null, 0);
            }
            return create(row, contact, contactRefused, batch);
        }
        Scope scope = run.scope;
        if (mode == Mode.CREATE_ONLY || !scope.includesOwner(match.ownerId())) {
            // The form's refusal, naming the owner or the pool.
            Customer probe = Customer.imported(null, importer.id(), at);
            probe.setNameKey(match.nameKey());
            probe.setCreditCode(match.creditCode());
            editing.requireNoDuplicate(probe, scope);
        }
        return update(match, row, contact, contactRefused, batch);
    }

    /** The customer's form from the row, refused together with the contact's problems if there are any. */
    private CustomerForm checkedForm(Map<Field, String> row, CustomerForm current, RuleViolation contactRefused) {
        CustomerForm form;
        try {
            form = customerForm(row, current);
        } catch (RuleViolation e) {
            if (contactRefused == null) {
                throw e;
            }
            RuleViolation all = e;
            for (RuleViolation.Violation v : contactRefused.violations()) {
                all = all.and(v.field(), v.messageKey(), v.argArray());
            }
            throw all;
        }
        if (contactRefused != null) {
            throw contactRefused;
        }
        return form;
    }

    private Outcome create(Map<Field, String> row, ContactForm contact, RuleViolation contactRefused, Batch batch) {
        Run run = batch.run;
        CurrentUser importer = run.importer;
        Instant at = run.at;
        CustomerForm form = checkedForm(row, null, contactRefused);
        Long ownerId = owner(cell(row, Field.OWNER), run);
        Customer customer = Customer.imported(ownerId, importer.id(), at);
        editing.apply(customer, form, importer);
        requireNoDuplicate(customer, batch);
        if (ownerId != null) {
            requireRoom(batch, ownerId, customer.getType());
        }
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException e) {
            editing.requireNoDuplicate(customer, run.scope);
            throw e;
        }
        // What the form writes after saving (CustomerOwnership.recordOwnerChange), for the batch at its commit.
        batch.created.add(new CustomersImported.Imported(customer.getId(), customer.getName(), customer.getType(),
                ownerId, ownerId == null ? null : run.teams.computeIfAbsent(ownerId,
                        id -> users.findUser(id).map(UserSummary::teamId).orElse(null))));
        if (ownerId != null) {
            count(batch, ownerId, customer.getType(), customer.getStatus(), 1);
        }
        batch.know(Known.of(customer));
        entityManager.detach(customer);
        Long contactId = null;
        if (contact != null) {
            Contact created = new Contact(customer.getId(), at);
            created.apply(withPrimary(contact, true), at);
            contacts.saveAndFlush(created);
            contactId = created.getId();
            entityManager.detach(created);
        }
        return new Outcome(Result.CREATED, customer.getId(), true, contactId, customer.getVersion());
    }

    private Outcome update(Known match, Map<Field, String> row, ContactForm contact, RuleViolation contactRefused,
            Batch batch) {
        Run run = batch.run;
        CurrentUser importer = run.importer;
        Instant at = run.at;
        CustomerForm current = editing.formOf(match.id(), importer);
        Customer customer = customers.findById(match.id()).orElseThrow();
        CustomerForm form = checkedForm(row, current, contactRefused);
        var previousType = customer.getType();
        var previousStatus = customer.getStatus();
        editing.apply(customer, form, importer);
        requireNoDuplicate(customer, batch);
        if (customer.getOwnerId() != null && previousType != customer.getType()) {
            requireRoom(batch, customer.getOwnerId(), customer.getType());
        }
        keepPrevious(run, "CUSTOMER", customer.getId(), customer.getId(),
                "SELECT to_jsonb(c) FROM customer c WHERE c.id = :id");
        customer.setUpdatedAt(at);
        customers.saveAndFlush(customer);
        keptVersion(run, "CUSTOMER", customer.getId(), customer.getVersion());
        if (customer.getOwnerId() != null && (previousType != customer.getType() || previousStatus != customer.getStatus())
                && batch.owned.containsKey(customer.getOwnerId())) {
            count(batch, customer.getOwnerId(), previousType, previousStatus, -1);
            count(batch, customer.getOwnerId(), customer.getType(), customer.getStatus(), 1);
        }
        Known after = Known.of(customer);
        batch.moved(match, after);
        Outcome contactOutcome = addOrUpdateContact(after, contact, run, true);
        return new Outcome(Result.UPDATED, customer.getId(), false, contactOutcome.contactId(), customer.getVersion());
    }

    /**
     * The row's contact onto the customer: an existing contact of the same name (and mobile, when
     * both have one) takes the row's values when {@code mayUpdate}; within one import the same
     * contact twice is a duplicate inside the file.
     */
    private Outcome addOrUpdateContact(Known customer, ContactForm contact, Run run, boolean mayUpdate) {
        Instant at = run.at;
        if (contact == null) {
            return new Outcome(mayUpdate ? Result.UPDATED : Result.SKIPPED, customer.id(), false, null,
                    customer.version());
        }
        List<Contact> existing = contacts.findByCustomer(customer.id());
        Optional<Contact> same = existing.stream()
                .filter(k -> k.getName().equals(contact.name().strip()))
                .filter(k -> k.getMobile() == null || contact.mobile().isBlank()
                        || k.getMobile().equals(contact.mobile().strip()))
                .findFirst();
        if (same.isPresent()) {
            if (!mayUpdate) {
                throw new RuleViolation(Field.CONTACT_NAME.name(), "customer.import.duplicateInFile.contact",
                        contact.name().strip(), customer.name());
            }
            Contact k = same.get();
            keepPrevious(run, "CONTACT", k.getId(), customer.id(), "SELECT to_jsonb(k) FROM contact k WHERE k.id = :id");
            k.apply(merge(contact, k.toForm()), at);
            contacts.saveAndFlush(k);
            keptVersion(run, "CONTACT", k.getId(), k.getVersion());
            return new Outcome(Result.UPDATED, customer.id(), false, null, customer.version());
        }
        Contact created = new Contact(customer.id(), at);
        created.apply(withPrimary(contact, existing.isEmpty()), at);
        contacts.saveAndFlush(created);
        return new Outcome(Result.CREATED, customer.id(), false, created.getId(), customer.version());
    }

    // --- undo

    /**
     * Keeps the record's values before the import's first update of it (a later row of the same
     * import keeps the first values), for the undo: the database's row, as it is before the update
     * is flushed.
     */
    private void keepPrevious(Run run, String kind, long recordId, long customerId, String rowAsJson) {
        jdbc.sql("""
                INSERT INTO customer_import_previous (import_id, record_kind, record_id, customer_id, previous,
                                                      version_after, imported_at)
                SELECT :import, :kind, :record, :customer, (%s), -1, :at
                ON CONFLICT (import_id, record_kind, record_id) DO NOTHING
                """.formatted(rowAsJson.replace(":id", ":record")))
                .param("import", run.importId).param("kind", kind).param("record", recordId)
                .param("customer", customerId).param("at", java.sql.Timestamp.from(run.at))
                .update();
    }

    /** The record's version after the import's update: a different one later means someone touched it since. */
    private void keptVersion(Run run, String kind, long recordId, long version) {
        jdbc.sql("""
                UPDATE customer_import_previous SET version_after = :version
                WHERE import_id = :import AND record_kind = :kind AND record_id = :record
                """)
                .param("version", version).param("import", run.importId).param("kind", kind).param("record", recordId)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Blocker> blockersOfUndo(long importId, Map<Long, Long> createdVersions, Set<Long> importedContactIds) {
        Map<Long, Blocker> blockers = new TreeMap<>();
        List<Long> ids = List.copyOf(createdVersions.keySet());
        Long[] contactIds = importedContactIds.toArray(Long[]::new);
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("""
                    SELECT c.id, c.name, c.version,
                           EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id
                                   AND (k.id <> ALL(:contacts) OR k.version > 0)) AS contacts_changed,
                           (SELECT count(*) FROM customer_owner_history h WHERE h.customer_id = c.id) AS owner_changes
                    FROM customer c WHERE c.id IN (:ids)
                    """)
                    .param("ids", chunk)
                    .param("contacts", contactIds)
                    .query((rs, n) -> {
                        long id = rs.getLong("id");
                        boolean touched = rs.getLong("version") != createdVersions.get(id)
                                || rs.getBoolean("contacts_changed") || rs.getLong("owner_changes") > 1;
                        if (touched) {
                            blockers.put(id, new Blocker(id, rs.getString("name")));
                        }
                        return id;
                    }).list();
        }
        // Contacts added to customers that existed before: blocked when edited since.
        jdbc.sql("""
                SELECT k.customer_id, c.name FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE k.id = ANY(:contacts) AND k.version > 0
                """)
                .param("contacts", contactIds)
                .query((rs, n) -> blockers.putIfAbsent(rs.getLong(1), new Blocker(rs.getLong(1), rs.getString(2))))
                .list();
        // Customers and contacts the import updated: blocked when their version moved since, or when
        // the customer changed owner, or has a contact that someone else added or edited, since the import.
        jdbc.sql("""
                SELECT DISTINCT c.id, c.name FROM customer_import_previous p JOIN customer c ON c.id = p.customer_id
                WHERE p.import_id = :import
                  AND ((p.record_kind = 'CUSTOMER' AND c.version <> p.version_after)
                    OR (p.record_kind = 'CONTACT' AND NOT EXISTS (SELECT 1 FROM contact k
                                                                  WHERE k.id = p.record_id AND k.version = p.version_after))
                    OR EXISTS (SELECT 1 FROM customer_owner_history h
                               WHERE h.customer_id = c.id AND h.changed_at > p.imported_at)
                    OR EXISTS (SELECT 1 FROM contact k
                               WHERE k.customer_id = c.id AND k.updated_at > p.imported_at AND k.id <> ALL(:contacts)
                                 AND NOT EXISTS (SELECT 1 FROM customer_import_previous q
                                                 WHERE q.import_id = p.import_id AND q.record_kind = 'CONTACT'
                                                   AND q.record_id = k.id)))
                """)
                .param("import", importId)
                .param("contacts", contactIds)
                .query((rs, n) -> blockers.putIfAbsent(rs.getLong(1), new Blocker(rs.getLong(1), rs.getString(2))))
                .list();
        return List.copyOf(blockers.values());
    }

    @Override
    public List<Blocker> undo(long importId, Map<Long, Long> createdVersions, Set<Long> importedContactIds,
            long byUserId) {
        // Locks the import's customers first, so that nobody touches one between the check and the undo.
        List<Long> ids = List.copyOf(createdVersions.keySet());
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id FROM customer WHERE id IN (:ids) FOR UPDATE").param("ids", chunk).query(Long.class).list();
        }
        List<Long> restored = jdbc.sql("""
                SELECT c.id FROM customer c
                WHERE c.id IN (SELECT customer_id FROM customer_import_previous WHERE import_id = :import)
                ORDER BY c.id FOR UPDATE
                """).param("import", importId).query(Long.class).list();
        List<Blocker> blockers = blockersOfUndo(importId, createdVersions, importedContactIds);
        if (!blockers.isEmpty()) {
            return blockers;
        }
        try {
            if (!importedContactIds.isEmpty()) {
                jdbc.sql("DELETE FROM contact WHERE id = ANY(:ids)")
                        .param("ids", importedContactIds.toArray(Long[]::new)).update();
            }
            for (List<Long> chunk : chunks(ids)) {
                jdbc.sql("DELETE FROM contact WHERE customer_id IN (:ids)").param("ids", chunk).update();
                jdbc.sql("DELETE FROM customer_owner_history WHERE customer_id IN (:ids)").param("ids", chunk).update();
                jdbc.sql("DELETE FROM customer WHERE id IN (:ids)").param("ids", chunk).update();
            }
        } catch (DataIntegrityViolationException e) {
            // Another module's record (a follow-up, an opportunity, a visit…) points at one of them.
            throw new RuleViolation(null, "customer.import.undoReferenced");
        }
        restorePrevious(importId);
        events.publishEvent(new CustomerImportUndone(ids, restored, byUserId, clock.instant()));
        return List.of();
    }

    /**
     * The values the import's updates overwrote, back on the customers and contacts it updated
     * (the version moves on, so that a form opened before the undo is told the record changed).
     */
    private void restorePrevious(long importId) {
        try {
            jdbc.sql("""
                    UPDATE customer c SET name = r.name, name_key = r.name_key, credit_code = r.credit_code, type = r.type,
                           region = r.region, industry = r.industry, source = r.source, referrer = r.referrer,
                           website = r.website, address = r.address, staff_size = r.staff_size, status = r.status,
                           next_follow_up_at = r.next_follow_up_at, expected_amount = r.expected_amount,
                           expected_close_date = r.expected_close_date, requirements = r.requirements,
                           extra_discount = r.extra_discount, remarks = r.remarks, tags = r.tags,
                           jkb_service_code_status = r.jkb_service_code_status,
                           jkb_registration_name = r.jkb_registration_name, jzmh_retention = r.jzmh_retention,
                           jzmh_registration_name = r.jzmh_registration_name, wechaty_github_url = r.wechaty_github_url,
                           wechaty_contributor = r.wechaty_contributor, updated_at = r.updated_at,
                           version = c.version + 1
                    FROM customer_import_previous p CROSS JOIN LATERAL jsonb_populate_record(NULL::customer, p.previous) r
                    WHERE p.import_id = :import AND p.record_kind = 'CUSTOMER' AND c.id = p.record_id
                    """).param("import", importId).update();
        } catch (DataIntegrityViolationException e) {
            // The name or credit code the import replaced has been given to another customer since.
            throw new RuleViolation(null, "customer.import.undoNameTaken");
        }
        jdbc.sql("""
                UPDATE contact k SET gender = r.gender, department = r.department, title = r.title, mobile = r.mobile,
                       wechat_id = r.wechat_id, email = r.email, remarks = r.remarks, updated_at = r.updated_at,
                       version = k.version + 1
                FROM customer_import_previous p CROSS JOIN LATERAL jsonb_populate_record(NULL::contact, p.previous) r
                WHERE p.import_id = :import AND p.record_kind = 'CONTACT' AND k.id = p.record_id
                """).param("import", importId).update();
        jdbc.sql("DELETE FROM customer_import_previous WHERE import_id = :import").param("import", importId).update();
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }

    // --- cells to forms

    /** The customer form from the row; for an update, blank cells keep the customer's values. */
    private CustomerForm customerForm(Map<Field, String> row, CustomerForm current) {
        RuleViolation[] refused = { null };
        java.util.function.BiConsumer<Field, String> refuse = (field, key) -> refused[0] = refused[0] == null
                ? new RuleViolation(field.name(), key, label(field))
                : refused[0].and(field.name(), key, label(field));
        CustomerType type = code(row, Field.TYPE, CustomerType.class, current == null ? null : current.type(), refuse);
        CustomerStatus status = code(row, Field.STATUS, CustomerStatus.class,
                current == null ? CustomerStatus.FIRST_VISIT : current.status(), refuse);
        CustomerSource source = code(row, Field.SOURCE, CustomerSource.class,
                current == null ? CustomerSource.OTHER : current.source(), refuse);
        StaffSize staff = code(row, Field.STAFF_SIZE, StaffSize.class, current == null ? null : current.staffSize(),
                refuse);
        BigDecimal amount = current == null ? null : current.expectedAmount();
        String amountText = cell(row, Field.EXPECTED_AMOUNT).replace(",", "").replace("，", "");
        if (!amountText.isEmpty()) {
            try {
                amount = new BigDecimal(amountText);
            } catch (NumberFormatException e) {
                refuse.accept(Field.EXPECTED_AMOUNT, "typeMismatch.java.math.BigDecimal");
            }
        }
        LocalDate close = current == null ? null : current.expectedCloseDate();
        String closeText = cell(row, Field.EXPECTED_CLOSE_DATE);
        if (!closeText.isEmpty()) {
            try {
                close = LocalDate.parse(normalDate(closeText));
            } catch (DateTimeParseException e) {
                refuse.accept(Field.EXPECTED_CLOSE_DATE, "typeMismatch.java.time.LocalDate");
            }
        }
        if (type == null && refused[0] == null) {
            refuse.accept(Field.TYPE, "NotNull");
        }
        if (refused[0] != null) {
            throw refused[0];
        }
        CustomerForm form = new CustomerForm(
                keep(row, Field.NAME, current == null ? null : current.name()),
                keep(row, Field.CREDIT_CODE, current == null ? null : current.creditCode()),
                type, keep(row, Field.REGION, current == null ? null : current.region()),
                keep(row, Field.INDUSTRY, current == null ? null : current.industry()), source,
                keep(row, Field.REFERRER, current == null ? null : current.referrer()),
                keep(row, Field.WEBSITE, current == null ? null : current.website()),
                keep(row, Field.ADDRESS, current == null ? null : current.address()), staff, status,
                current == null ? null : current.nextFollowUpAt(), amount, close,
                keep(row, Field.REQUIREMENTS, current == null ? null : current.requirements()),
                current == null ? "" : current.extraDiscount(),
                keep(row, Field.REMARKS, current == null ? null : current.remarks()),
                keep(row, Field.TAGS, current == null ? null : current.tags()),
                current == null ? null : current.jkbServiceCodeStatus(),
                current == null ? "" : current.jkbRegistrationName(), current == null ? null : current.jzmhRetention(),
                current == null ? "" : current.jzmhRegistrationName(), current == null ? "" : current.wechatyGithubUrl(),
                current == null ? null : current.wechatyContributor(), current == null ? null : current.version());
        requireValid(form, CUSTOMER_FIELDS);
        try {
            // Tags are parsed by the form's rules (count and length), refused here with the column's name.
            CustomerEditing.parseTags(form.tags());
        } catch (RuleViolation e) {
            throw e.onField(Field.TAGS.name());
        }
        return form;
    }

    /** 2026-03-01, 2026/3/1, 2026年3月1日, a date with a time, or a spreadsheet's day number. */
    private static String normalDate(String text) {
        if (text.matches("\\d{5}(\\.0+)?")) {
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.replaceAll("\\..*", ""))).toString();
        }
        String[] parts = text.strip().split("[\\sT]")[0].split("[-/.年月日]");
        if (parts.length < 3) {
            throw new DateTimeParseException("not a date", text, 0);
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
                    .toString();
        } catch (RuntimeException e) {
            throw new DateTimeParseException("not a date", text, 0);
        }
    }

    /** The contact form from the row, or null when the row names no contact. */
    private ContactForm contactForm(Map<Field, String> row) {
        String name = cell(row, Field.CONTACT_NAME);
        boolean any = row.entrySet().stream()
                .anyMatch(e -> !e.getKey().customerField() && e.getValue() != null && !e.getValue().isBlank());
        if (name.isEmpty()) {
            if (any) {
                throw new RuleViolation(Field.CONTACT_NAME.name(), "NotBlank", label(Field.CONTACT_NAME));
            }
            return null;
        }
        String gender = cell(row, Field.CONTACT_GENDER);
        String genderCode = gender.isEmpty() ? "" : Objects.toString(codesByLabel.get("gender:" + fold(gender)), null);
        if (genderCode == null) {
            throw new RuleViolation(Field.CONTACT_GENDER.name(), "customer.import.unknownCode", label(Field.CONTACT_GENDER),
                    gender);
        }
        ContactForm form = new ContactForm(name, genderCode, cell(row, Field.CONTACT_DEPARTMENT),
                cell(row, Field.CONTACT_TITLE), cell(row, Field.CONTACT_MOBILE), "", cell(row, Field.CONTACT_WECHAT_ID),
                cell(row, Field.CONTACT_EMAIL), "", null, cell(row, Field.CONTACT_REMARKS), false, null);
        requireValid(form, CONTACT_FIELDS);
        return form;
    }

    private static ContactForm withPrimary(ContactForm f, boolean primary) {
        return new ContactForm(f.name(), f.gender(), f.department(), f.title(), f.mobile(), f.wechatNickname(),
                f.wechatId(), f.email(), f.address(), f.birthday(), f.remarks(), primary, f.version());
    }

    /** The row's non-blank cells over the contact's values. */
    private static ContactForm merge(ContactForm row, ContactForm old) {
        return new ContactForm(old.name(), or(row.gender(), old.gender()), or(row.department(), old.department()),
                or(row.title(), old.title()), or(row.mobile(), old.mobile()), old.wechatNickname(),
                or(row.wechatId(), old.wechatId()), or(row.email(), old.email()), old.address(), old.birthday(),
                or(row.remarks(), old.remarks()), old.primary(), old.version());
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final Map<String, Field> CUSTOMER_FIELDS = Map.ofEntries(Map.entry("name", Field.NAME),
            Map.entry("creditCode", Field.CREDIT_CODE), Map.entry("type", Field.TYPE), Map.entry("region", Field.REGION),
            Map.entry("industry", Field.INDUSTRY), Map.entry("source", Field.SOURCE),
            Map.entry("referrer", Field.REFERRER), Map.entry("website", Field.WEBSITE),
            Map.entry("address", Field.ADDRESS), Map.entry("staffSize", Field.STAFF_SIZE),
            Map.entry("status", Field.STATUS), Map.entry("expectedAmount", Field.EXPECTED_AMOUNT),
            Map.entry("expectedCloseDate", Field.EXPECTED_CLOSE_DATE), Map.entry("requirements", Field.REQUIREMENTS),
            Map.entry("remarks", Field.REMARKS), Map.entry("tags", Field.TAGS));

    private static final Map<String, Field> CONTACT_FIELDS = Map.of("name", Field.CONTACT_NAME,
            "gender", Field.CONTACT_GENDER, "department", Field.CONTACT_DEPARTMENT, "title", Field.CONTACT_TITLE,
            "mobile", Field.CONTACT_MOBILE, "wechatId", Field.CONTACT_WECHAT_ID, "email", Field.CONTACT_EMAIL,
            "remarks", Field.CONTACT_REMARKS);

    /**
     * The form's Bean Validation, as a refusal in the form's own messages: the constraint's name as
     * the key, the column's label and the constraint's attributes (by name) as arguments, as
     * Spring's binding renders them on the page.
     */
    private void requireValid(Object form, Map<String, Field> fields) {
        RuleViolation refused = null;
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            Field field = fields.getOrDefault(v.getPropertyPath().toString(), Field.NAME);
            String template = v.getMessageTemplate();
            Annotation annotation = v.getConstraintDescriptor().getAnnotation();
            String key = template.startsWith("{jakarta.") || !template.startsWith("{")
                    ? annotation.annotationType().getSimpleName()
                    : template.substring(1, template.length() - 1);
            List<Object> args = new ArrayList<>();
            args.add(label(field));
            new TreeMap<>(v.getConstraintDescriptor().getAttributes()).forEach((name, value) -> {
                if (!Set.of("groups", "message", "payload").contains(name)) {
                    args.add(value instanceof Object[] ? "" : value);
                }
            });
            refused = refused == null ? new RuleViolation(field.name(), key, args.toArray())
                    : refused.and(field.name(), key, args.toArray());
        }
        if (refused != null) {
            throw refused;
        }
    }

    private <E extends Enum<E>> E code(Map<Field, String> row, Field field, Class<E> type, E fallback,
            java.util.function.BiConsumer<Field, String> refuse) {
        String text = cell(row, field);
        if (text.isEmpty()) {
            return fallback;
        }
        Object found = codesByLabel.get(type.getSimpleName() + ":" + fold(text));
        if (found == null) {
            refuse.accept(field, "customer.import.unknownCode");
            return fallback;
        }
        return type.cast(found);
    }

    /**
     * The owner named by username or display name: enabled, not an administrator, in the importer's
     * scope. Each name is looked up once per import.
     */
    private Long owner(String text, Run run) {
        if (text.isEmpty()) {
            return null;
        }
        Long known = run.owners.get(text);
        if (known != null) {
            return known;
        }
        Optional<UserSummary> user = users.findByUsername(text);
        if (user.isEmpty()) {
            if (run.enabledByDisplayName == null) {
                run.enabledByDisplayName = new HashMap<>();
                for (UserSummary u : users.findEnabledUsers()) {
                    run.enabledByDisplayName.computeIfAbsent(u.displayName(), k -> new ArrayList<>()).add(u);
                }
            }
            List<UserSummary> named = run.enabledByDisplayName.getOrDefault(text, List.of());
            if (named.size() > 1) {
                throw new RuleViolation(Field.OWNER.name(), "customer.import.ownerAmbiguous", text);
            }
            user = named.stream().findFirst();
        }
        Long id = user.filter(UserSummary::enabled).filter(u -> u.role() != Role.ADMIN)
                .filter(u -> run.scope.includesOwner(u.id()))
                .map(UserSummary::id)
                .orElseThrow(() -> new RuleViolation(Field.OWNER.name(), "customer.import.ownerUnknown", text));
        run.owners.put(text, id);
        return id;
    }

    private static DefaultMessageSourceResolvable label(Field field) {
        return new DefaultMessageSourceResolvable(field.labelKey());
    }

    private static String cell(Map<Field, String> row, Field field) {
        String value = row.get(field);
        return value == null ? "" : value.strip();
    }

    private static String keep(Map<Field, String> row, Field field, String current) {
        String value = cell(row, field);
        return value.isEmpty() && current != null ? current : value;
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s·]+", "");
    }

    /** Code and label (Chinese and English) of every coded value, folded, to its constant. */
    private static Map<String, Object> labels(MessageSource messages) {
        Map<String, Object> byLabel = new HashMap<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            add(byLabel, messages, locale, CustomerType.class, "customer.type.");
            add(byLabel, messages, locale, CustomerStatus.class, "customer.status.");
            add(byLabel, messages, locale, CustomerSource.class, "customer.source.");
            add(byLabel, messages, locale, StaffSize.class, "customer.staffSize.");
            for (String g : List.of("MALE", "FEMALE")) {
                byLabel.put("gender:" + fold(g), g);
                byLabel.put("gender:" + fold(messages.getMessage("contact.gender." + g, null, g, locale)), g);
            }
        }
        return byLabel;
    }

    private static <E extends Enum<E>> void add(Map<String, Object> byLabel, MessageSource messages, Locale locale,
            Class<E> type, String prefix) {
        for (E constant : type.getEnumConstants()) {
            String prefixType = type.getSimpleName() + ":";
            byLabel.put(prefixType + fold(constant.name()), constant);
            String label = messages.getMessage(prefix + constant.name(), null, constant.name(), locale);
            byLabel.put(prefixType + fold(label), constant);
            // "A · 重要客户": the code alone and the words alone are taken too.
            int dot = label.indexOf('·');
            if (dot > 0) {
                byLabel.putIfAbsent(prefixType + fold(label.substring(dot + 1)), constant);
            }
        }
    }
}
