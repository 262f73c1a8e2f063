package io.tidecrm.customer.internal;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.tidecrm.customer.CustomerImport;
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
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One spreadsheet row as the customer and contact forms would take it: the cells become a
 * {@link CustomerForm} and a {@link ContactForm}, checked by the same Bean Validation and the same
 * {@link CustomerEditing} rules (credit code, referrer, tags, won only by a manager, duplicates
 * across all customers with the pool), and a new owner's cap is checked under their lock by
 * {@link OwnershipCaps}. Coded cells (type, status, source, staff size, gender) take the code or
 * its label in Chinese or English, as the template's drop-down lists offer them.
 */
@Service
@Transactional
class CustomerImporting implements CustomerImport {

    private final CustomerEditing editing;
    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final OwnershipCaps caps;
    private final CustomerOwnership ownership;
    private final Visibility visibility;
    private final UserManagement users;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final Map<String, Object> codesByLabel;

    @PersistenceContext
    private EntityManager entityManager;

    CustomerImporting(CustomerEditing editing, CustomerRepository customers, ContactRepository contacts,
            OwnershipCaps caps, CustomerOwnership ownership, Visibility visibility, UserManagement users,
            Validator validator, JdbcClient jdbc, MessageSource messages) {
        this.editing = editing;
        this.customers = customers;
        this.contacts = contacts;
        this.caps = caps;
        this.ownership = ownership;
        this.visibility = visibility;
        this.users = users;
        this.validator = validator;
        this.jdbc = jdbc;
        this.codesByLabel = labels(messages);
    }

    @Override
    public String nameKey(String name) {
        return CustomerNames.key(name);
    }

    @Override
    public Outcome importRow(Map<Field, String> row, Mode mode, CurrentUser importer, Instant at,
            Set<Long> ofThisImport) {
        return session(mode, importer, at).importRow(row, ofThisImport);
    }

    @Override
    public Session session(Mode mode, CurrentUser importer, Instant at) {
        if (importer.role() == Role.REP) {
            throw new org.springframework.security.access.AccessDeniedException("Reps do not import");
        }
        Run run = new Run(mode, importer, at, visibility.scopeOf(importer));
        return (row, ofThisImport) -> importRow(row, run, ofThisImport);
    }

    /**
     * One import's settings and what its rows would otherwise look up again and again: the
     * importer's scope, the owners named so far (by the cell's text), and the enabled users by
     * display name (loaded once, when a cell first names an owner by display name).
     */
    private static final class Run {
        final Mode mode;
        final CurrentUser importer;
        final Instant at;
        final Scope scope;
        final Map<String, Long> owners = new HashMap<>();
        Map<String, List<UserSummary>> enabledByDisplayName;

        Run(Mode mode, CurrentUser importer, Instant at, Scope scope) {
            this.mode = mode;
            this.importer = importer;
            this.at = at;
            this.scope = scope;
        }
    }

    private Outcome importRow(Map<Field, String> row, Run run, Set<Long> ofThisImport) {
        try {
            return importChecked(row, run, ofThisImport);
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

    private Outcome importChecked(Map<Field, String> row, Run run, Set<Long> ofThisImport) {
        Mode mode = run.mode;
        CurrentUser importer = run.importer;
        Instant at = run.at;
        String name = cell(row, Field.NAME);
        if (name.isEmpty()) {
            throw new RuleViolation(Field.NAME.name(), "NotBlank", label(Field.NAME));
        }
        String code = CreditCodes.normalize(cell(row, Field.CREDIT_CODE));
        Customer byCode = code == null ? null : customers.findByCreditCode(code).orElse(null);
        Customer byName = customers.findByNameKey(CustomerNames.key(name)).orElse(null);
        if (byCode != null && byName != null && !byCode.getId().equals(byName.getId())) {
            throw new RuleViolation(Field.CREDIT_CODE.name(), "customer.import.codeAndNameDiffer", byCode.getName(),
                    byName.getName());
        }
        Customer match = byCode != null ? byCode : byName;
        // Every problem of the row at once: the contact's cells are checked, and refused together
        // with the customer's (see checkedForm), before anything is written.
        ContactForm contact = null;
        RuleViolation contactRefused = null;
        try {
            contact = contactForm(row);
        } catch (RuleViolation e) {
            contactRefused = e;
        }
        if (match != null && ofThisImport.contains(match.getId())) {
            if (byName == null) {
                // The same credit code under another name earlier in this file.
                throw new RuleViolation(Field.CREDIT_CODE.name(), "customer.import.duplicateInFile.code", match.getName());
            }
            if (code != null && !code.equals(match.getCreditCode())) {
                // The same name under another credit code earlier in this file.
                throw new RuleViolation(Field.NAME.name(), "customer.import.duplicateInFile.name", match.getName());
            }
            if (contactRefused != null) {
                throw contactRefused;
            }
            return addOrUpdateContact(match, contact, at, false);
        }
        if (match == null) {
            if (mode == Mode.UPDATE_ONLY) {
                return new Outcome(Result.SKIPPED, null, false, null, 0);
            }
            return create(row, contact, contactRefused, run);
        }
        Scope scope = run.scope;
        if (mode == Mode.CREATE_ONLY || !scope.includesOwner(match.getOwnerId())) {
            // The form's refusal, naming the owner or the pool.
            Customer probe = Customer.imported(null, importer.id(), at);
            probe.setNameKey(match.getNameKey());
            probe.setCreditCode(match.getCreditCode());
            editing.requireNoDuplicate(probe, scope);
        }
        return update(match, row, contact, contactRefused, run);
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

    private Outcome create(Map<Field, String> row, ContactForm contact, RuleViolation contactRefused, Run run) {
        CurrentUser importer = run.importer;
        Instant at = run.at;
        CustomerForm form = checkedForm(row, null, contactRefused);
        Long ownerId = owner(cell(row, Field.OWNER), run);
        Customer customer = Customer.imported(ownerId, importer.id(), at);
        editing.apply(customer, form, importer);
        editing.requireNoDuplicate(customer, run.scope);
        if (ownerId != null) {
            try {
                caps.requireRoom(ownerId, customer.getType());
            } catch (RuleViolation e) {
                throw e.onField(Field.TYPE.name());
            }
        }
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException e) {
            editing.requireNoDuplicate(customer, run.scope);
            throw e;
        }
        ownership.recordOwnerChange(customer, null, ownerId, importer.id(), OwnerChangeKind.IMPORTED, null, at);
        Long contactId = null;
        if (contact != null) {
            Contact created = new Contact(customer.getId(), at);
            created.apply(withPrimary(contact, true), at);
            contacts.saveAndFlush(created);
            contactId = created.getId();
        }
        return new Outcome(Result.CREATED, customer.getId(), true, contactId, customer.getVersion());
    }

    private Outcome update(Customer customer, Map<Field, String> row, ContactForm contact,
            RuleViolation contactRefused, Run run) {
        CurrentUser importer = run.importer;
        Instant at = run.at;
        CustomerForm current = editing.formOf(customer.getId(), importer);
        CustomerForm form = checkedForm(row, current, contactRefused);
        var previousType = customer.getType();
        editing.apply(customer, form, importer);
        editing.requireNoDuplicate(customer, run.scope);
        if (customer.getOwnerId() != null && previousType != customer.getType()) {
            try {
                caps.requireRoom(customer.getOwnerId(), customer.getType());
            } catch (RuleViolation e) {
                throw e.onField(Field.TYPE.name());
            }
        }
        customer.setUpdatedAt(at);
        customers.saveAndFlush(customer);
        Outcome contactOutcome = addOrUpdateContact(customer, contact, at, true);
        return new Outcome(Result.UPDATED, customer.getId(), false, contactOutcome.contactId(), customer.getVersion());
    }

    /**
     * The row's contact onto the customer: an existing contact of the same name (and mobile, when
     * both have one) takes the row's values when {@code mayUpdate}; within one import the same
     * contact twice is a duplicate inside the file.
     */
    private Outcome addOrUpdateContact(Customer customer, ContactForm contact, Instant at, boolean mayUpdate) {
        if (contact == null) {
            return new Outcome(mayUpdate ? Result.UPDATED : Result.SKIPPED, customer.getId(), false, null,
                    customer.getVersion());
        }
        List<Contact> existing = contacts.findByCustomer(customer.getId());
        Optional<Contact> same = existing.stream()
                .filter(k -> k.getName().equals(contact.name().strip()))
                .filter(k -> k.getMobile() == null || contact.mobile().isBlank()
                        || k.getMobile().equals(contact.mobile().strip()))
                .findFirst();
        if (same.isPresent()) {
            if (!mayUpdate) {
                throw new RuleViolation(Field.CONTACT_NAME.name(), "customer.import.duplicateInFile.contact",
                        contact.name().strip(), customer.getName());
            }
            Contact k = same.get();
            k.apply(merge(contact, k.toForm()), at);
            contacts.saveAndFlush(k);
            return new Outcome(Result.UPDATED, customer.getId(), false, null, customer.getVersion());
        }
        Contact created = new Contact(customer.getId(), at);
        created.apply(withPrimary(contact, existing.isEmpty()), at);
        contacts.saveAndFlush(created);
        return new Outcome(Result.CREATED, customer.getId(), false, created.getId(), customer.getVersion());
    }

    // --- undo

    @Override
    @Transactional(readOnly = true)
    public List<Blocker> blockersOfUndo(Map<Long, Long> createdVersions, Set<Long> importedContactIds) {
        if (createdVersions.isEmpty() && importedContactIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Blocker> blockers = new TreeMap<>();
        List<Long> ids = List.copyOf(createdVersions.keySet());
        Set<Long> contactIds = importedContactIds.isEmpty() ? Set.of(-1L) : importedContactIds;
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("""
                    SELECT c.id, c.name, c.version,
                           EXISTS (SELECT 1 FROM contact k WHERE k.customer_id = c.id
                                   AND (k.id NOT IN (:contacts) OR k.version > 0)) AS contacts_changed,
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
                WHERE k.id IN (:contacts) AND k.version > 0
                """)
                .param("contacts", contactIds)
                .query((rs, n) -> blockers.putIfAbsent(rs.getLong(1), new Blocker(rs.getLong(1), rs.getString(2))))
                .list();
        return List.copyOf(blockers.values());
    }

    @Override
    public List<Blocker> undo(Map<Long, Long> createdVersions, Set<Long> importedContactIds) {
        // Locks the import's customers first, so that nobody touches one between the check and the delete.
        List<Long> ids = List.copyOf(createdVersions.keySet());
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("SELECT id FROM customer WHERE id IN (:ids) FOR UPDATE").param("ids", chunk).query(Long.class).list();
        }
        List<Blocker> blockers = blockersOfUndo(createdVersions, importedContactIds);
        if (!blockers.isEmpty()) {
            return blockers;
        }
        try {
            if (!importedContactIds.isEmpty()) {
                jdbc.sql("DELETE FROM contact WHERE id IN (:ids)").param("ids", importedContactIds).update();
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
        return List.of();
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
