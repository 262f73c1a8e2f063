package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing customers from their form: the fields' rules (credit code, referrer,
 * tags, won only by a manager), the duplicate check across all customers (the pool's included),
 * the owner's cap, and the stale-form check. A new customer's first owner is its creator.
 */
@Service
@Transactional
class CustomerEditing {


    private final CustomerDirectory directory;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final OwnershipCaps caps;
    private final CustomerOwnership ownership;
    private final UserManagement users;
    private final Clock clock;

    CustomerEditing(CustomerDirectory directory, CustomerRepository customers, JdbcClient jdbc,
            Visibility visibility, OwnershipCaps caps, CustomerOwnership ownership, UserManagement users,
            Clock clock) {
        this.directory = directory;
        this.customers = customers;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.caps = caps;
        this.ownership = ownership;
        this.users = users;
        this.clock = clock;
    }

    long create(CustomerForm form, CurrentUser user) {
        Instant now = clock.instant();
        Customer customer = new Customer(user.id(), user.id(), now);
        apply(customer, form, user);
        requireNoDuplicate(customer, visibility.scopeOf(user));
        caps.requireRoom(user.id(), customer.getType());
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException e) {
            // A concurrent request created the same customer after our check.
            requireNoDuplicate(customer, visibility.scopeOf(user));
            throw e;
        }
        ownership.recordOwnerChange(customer, null, user.id(), user.id(), OwnerChangeKind.CREATED, null, now);
        return customer.getId();
    }

    void update(long id, CustomerForm form, CurrentUser user) {
        Customer customer = directory.loadVisible(id, user);
        if (form.version() == null || form.version() != customer.getVersion()) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        var previousType = customer.getType();
        var previousStatus = customer.getStatus();
        apply(customer, form, user);
        if (previousStatus == CustomerStatus.WON && form.status() != CustomerStatus.WON && user.role() == Role.REP) {
            throw new RuleViolation("status", "customer.status.wonByManager");
        }
        requireNoDuplicate(customer, visibility.scopeOf(user));
        if (customer.getOwnerId() != null && previousType != customer.getType()) {
            caps.requireRoom(customer.getOwnerId(), customer.getType());
        }
        customer.setUpdatedAt(clock.instant());
        try {
            customers.saveAndFlush(customer);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new RuleViolation(null, "form.staleVersion");
        } catch (DataIntegrityViolationException e) {
            requireNoDuplicate(customer, visibility.scopeOf(user));
            throw e;
        }
    }

    @Transactional(readOnly = true)
    CustomerForm formOf(long id, CurrentUser user) {
        Customer c = directory.loadVisible(id, user);
        return new CustomerForm(c.getName(), nz(c.getCreditCode()), c.getType(), nz(c.getRegion()),
                nz(c.getIndustry()), c.getSource(), nz(c.getReferrer()), nz(c.getWebsite()), nz(c.getAddress()),
                c.getStaffSize(), c.getStatus(),
                c.getNextFollowUpAt() == null ? null : LocalDateTime.ofInstant(c.getNextFollowUpAt(), clock.getZone()),
                c.getExpectedAmount(), c.getExpectedCloseDate(), nz(c.getRequirements()), nz(c.getExtraDiscount()),
                nz(c.getRemarks()), String.join(", ", c.getTags()), c.getJkbServiceCodeStatus(),
                nz(c.getJkbRegistrationName()), c.getJzmhRetention(), nz(c.getJzmhRegistrationName()),
                nz(c.getWechatyGithubUrl()), c.getWechatyContributor(), c.getVersion());
    }

    /**
     * The form's rules and values onto the customer; the import uses it too. A refusal comes
     * before any change and leaves the caller's transaction usable (the import goes on with its
     * next row); the caller's own boundary rolls back when the refusal reaches it.
     */
    @Transactional(noRollbackFor = RuleViolation.class)
    void apply(Customer c, CustomerForm form, CurrentUser user) {
        if (form.status() == CustomerStatus.WON && c.getStatus() != CustomerStatus.WON && user.role() == Role.REP) {
            // Won is set by an approved contract, or by a manager; a rep cannot shield a customer from the pool.
            throw new RuleViolation("status", "customer.status.wonByManager");
        }
        String code = CreditCodes.normalize(form.creditCode());
        if (code != null && !CreditCodes.isValid(code)) {
            throw new RuleViolation("creditCode", "customer.creditCode.invalid");
        }
        if (form.source().isReferral() && Contact.blankToNull(form.referrer()) == null) {
            throw new RuleViolation("referrer", "customer.referrer.required");
        }
        c.setName(form.name().strip());
        c.setNameKey(CustomerNames.key(form.name()));
        c.setCreditCode(code);
        c.setType(form.type());
        c.setRegion(Contact.blankToNull(form.region()));
        c.setIndustry(Contact.blankToNull(form.industry()));
        c.setSource(form.source());
        c.setReferrer(Contact.blankToNull(form.referrer()));
        c.setWebsite(normalizeWebsite(form.website()));
        c.setAddress(Contact.blankToNull(form.address()));
        c.setStaffSize(form.staffSize());
        c.setStatus(form.status());
        c.setNextFollowUpAt(form.nextFollowUpAt() == null ? null
                : form.nextFollowUpAt().atZone(clock.getZone()).toInstant());
        c.setExpectedAmount(form.expectedAmount());
        c.setExpectedCloseDate(form.expectedCloseDate());
        c.setRequirements(Contact.blankToNull(form.requirements()));
        c.setExtraDiscount(Contact.blankToNull(form.extraDiscount()));
        c.setRemarks(Contact.blankToNull(form.remarks()));
        c.setTags(parseTags(form.tags()));
        c.setJkbServiceCodeStatus(form.jkbServiceCodeStatus());
        c.setJkbRegistrationName(Contact.blankToNull(form.jkbRegistrationName()));
        c.setJzmhRetention(form.jzmhRetention());
        c.setJzmhRegistrationName(Contact.blankToNull(form.jzmhRegistrationName()));
        c.setWechatyGithubUrl(Contact.blankToNull(form.wechatyGithubUrl()));
        c.setWechatyContributor(form.wechatyContributor());
    }

    static List<String> parseTags(String text) {
        return io.tidecrm.support.Tags.parse(text, "customer.tags");
    }

    /** Stores a web address with its scheme, so that it is always rendered as an http(s) link. */
    private static String normalizeWebsite(String website) {
        String w = Contact.blankToNull(website);
        if (w == null) {
            return null;
        }
        return w.matches("(?i)^https?://.*") ? w : "https://" + w;
    }

    /** Refuses a duplicate; reads only, so a refusal leaves the caller's transaction usable (see {@link #apply}). */
    @Transactional(noRollbackFor = RuleViolation.class)
    void requireNoDuplicate(Customer customer, Scope scope) {
        var sql = jdbc.sql("""
                SELECT c.id, c.name, c.owner_id, (c.credit_code IS NOT NULL AND c.credit_code = :code) AS by_code
                FROM customer c
                WHERE (c.name_key = :key OR (CAST(:code AS varchar) IS NOT NULL AND c.credit_code = :code))
                  AND c.id <> :self
                ORDER BY c.id LIMIT 1
                """)
                .param("key", customer.getNameKey())
                .param("code", customer.getCreditCode())
                .param("self", customer.getId() == null ? -1L : customer.getId());
        sql.query((rs, n) -> {
            Long ownerId = (Long) rs.getObject("owner_id");
            boolean visible = scope.includesOwner(ownerId);
            String ownerName = ownerId == null ? null
                    : users.findUser(ownerId).map(UserSummary::displayName).orElse("?");
            return new DuplicateCustomerException.Duplicate(rs.getLong("id"), rs.getString("name"), visible,
                    ownerId == null, ownerName, rs.getBoolean("by_code"));
        }).optional().ifPresent(d -> {
            throw new DuplicateCustomerException(d);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
