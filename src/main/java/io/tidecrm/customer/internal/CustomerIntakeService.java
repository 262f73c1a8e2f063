package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CustomerIntake}: the same rules as the customer form, for customers converted from leads. */
@Service
@Transactional
class CustomerIntakeService implements CustomerIntake {

    private final CustomerEditing editing;
    private final CustomerDirectory directory;
    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final OwnershipCaps caps;
    private final CustomerOwnership ownership;
    private final Visibility visibility;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerIntakeService(CustomerEditing editing, CustomerDirectory directory, CustomerRepository customers,
            ContactRepository contacts, OwnershipCaps caps, CustomerOwnership ownership, Visibility visibility,
            UserManagement users, JdbcClient jdbc, Clock clock) {
        this.editing = editing;
        this.directory = directory;
        this.customers = customers;
        this.contacts = contacts;
        this.caps = caps;
        this.ownership = ownership;
        this.visibility = visibility;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String nameKey(String companyName) {
        return CustomerNames.key(companyName);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DuplicateMatch> findDuplicates(DuplicateProbe probe, CurrentUser viewer) {
        Scope scope = visibility.scopeOf(viewer);
        String key = blank(probe.companyName()) ? null : CustomerNames.key(probe.companyName());
        String code = CreditCodes.normalize(probe.creditCode());
        String mobile = blank(probe.mobile()) ? null : probe.mobile().strip();
        String email = blank(probe.email()) ? null : probe.email().strip().toLowerCase(Locale.ROOT);
        List<DuplicateMatch> found = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.name, c.owner_id,
                       CASE WHEN CAST(:code AS varchar) IS NOT NULL AND c.credit_code = :code THEN 'CREDIT_CODE'
                            ELSE 'NAME' END AS matched, NULL AS contact_name
                FROM customer c
                WHERE c.name_key = :key OR (CAST(:code AS varchar) IS NOT NULL AND c.credit_code = :code)
                UNION ALL
                SELECT c.id, c.name, c.owner_id,
                       CASE WHEN CAST(:mobile AS varchar) IS NOT NULL AND k.mobile = :mobile THEN 'MOBILE' ELSE 'EMAIL' END,
                       k.name
                FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE (CAST(:mobile AS varchar) IS NOT NULL AND k.mobile = :mobile)
                   OR (CAST(:email AS varchar) IS NOT NULL AND lower(k.email) = :email)
                ORDER BY 1 LIMIT 20
                """)
                .param("key", key)
                .param("code", code)
                .param("mobile", mobile)
                .param("email", email)
                .query((rs, n) -> {
                    Long ownerId = (Long) rs.getObject("owner_id");
                    boolean visible = scope.includesOwner(ownerId);
                    String owner = ownerId == null ? null
                            : users.findUser(ownerId).map(UserSummary::displayName).orElse("?");
                    return new DuplicateMatch(rs.getLong("id"), rs.getString("name"), rs.getString("matched"), visible,
                            ownerId == null, visible ? owner : mask(owner),
                            visible ? rs.getString("contact_name") : null);
                })
                .list()
                .forEach(found::add);
        return found;
    }

    @Override
    public long createConverted(NewCustomer form, NewContact contact, CurrentUser convertedBy) {
        UserSummary owner = users.findUser(form.ownerId()).filter(UserSummary::enabled)
                .filter(u -> u.role() != Role.ADMIN)
                .orElseThrow(() -> new RuleViolation("ownerId", "customer.transfer.invalidTarget"));
        Instant now = clock.instant();
        Customer customer = new Customer(owner.id(), convertedBy.id(), now);
        String code = CreditCodes.normalize(form.creditCode());
        if (code != null && !CreditCodes.isValid(code)) {
            throw new RuleViolation("creditCode", "customer.creditCode.invalid");
        }
        customer.setName(form.name().strip());
        customer.setNameKey(CustomerNames.key(form.name()));
        customer.setCreditCode(code);
        customer.setType(form.type());
        customer.setRegion(Contact.blankToNull(form.region()));
        customer.setIndustry(Contact.blankToNull(form.industry()));
        customer.setSource(form.source());
        customer.setReferrer(Contact.blankToNull(form.referrer()));
        customer.setRemarks(Contact.blankToNull(form.remarks()));
        customer.setTags(form.tags() == null ? List.of() : form.tags());
        customer.setStatus(CustomerStatus.FIRST_VISIT);
        editing.requireNoDuplicate(customer, Scope.all(convertedBy));
        caps.requireRoom(owner.id(), form.type());
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException e) {
            editing.requireNoDuplicate(customer, Scope.all(convertedBy));
            throw e;
        }
        ownership.recordOwnerChange(customer, null, owner.id(), convertedBy.id(), OwnerChangeKind.CONVERTED, null, now);
        save(customer.getId(), contact, true, now);
        return customer.getId();
    }

    @Override
    public long addContact(long customerId, NewContact contact, CurrentUser viewer) {
        directory.loadVisible(customerId, viewer);
        return save(customerId, contact, false, clock.instant());
    }

    private long save(long customerId, NewContact c, boolean primary, Instant now) {
        Contact contact = new Contact(customerId, now);
        contact.apply(new ContactForm(c.name(), "", "", nz(c.title()), nz(c.mobile()), "", nz(c.wechatId()),
                nz(c.email()), "", null, "", primary, null), now);
        return contacts.saveAndFlush(contact).getId();
    }

    /** "张三" → "张*": enough to tell a colleague owns it, not who. */
    static String mask(String name) {
        return io.tidecrm.support.NameMask.mask(name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
