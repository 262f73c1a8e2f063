package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.FollowUpFacts;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their rules: visibility through {@link Scope}, the duplicate check, the caps,
 * transfers with owner history, and the follow-up clock.
 */
@Service
@Transactional
class CustomerService implements CustomerManagement {

    private static final int MAX_TAGS = 10;
    private static final int MAX_TAG_LENGTH = 30;

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final EntityManager em;
    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final OwnershipCaps caps;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PoolDeadlineView deadlines;

    CustomerService(CustomerRepository customers, ContactRepository contacts, EntityManager em, JdbcClient jdbc,
            Visibility visibility, OwnershipCaps caps, UserManagement users, ApplicationEventPublisher events,
            Clock clock, PoolDeadlineView deadlines) {
        this.deadlines = deadlines;
        this.customers = customers;
        this.contacts = contacts;
        this.em = em;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.caps = caps;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    // --- reads through the scope

    /** Loads a customer the viewer may see, or answers 404. */
    Customer loadVisible(long id, CurrentUser viewer) {
        return load(id, viewer, false);
    }

    /** Loads a customer the viewer may see or that is in the pool, or answers 404. */
    Customer loadReadable(long id, CurrentUser viewer) {
        return load(id, viewer, true);
    }

    private Customer load(long id, CurrentUser viewer, boolean orInPool) {
        Scope scope = visibility.scopeOf(viewer);
        String condition = orInPool ? "(" + scope.condition("c") + " OR c.owner_id IS NULL)" : scope.condition("c");
        var query = em.createNativeQuery("SELECT c.* FROM customer c WHERE c.id = :id AND " + condition, Customer.class)
                .setParameter("id", id);
        if (!scope.all()) {
            query.setParameter("scopeOwners", scope.ownerIds());
        }
        List<?> found = query.getResultList();
        if (found.isEmpty()) {
            throw new CustomerNotFoundException();
        }
        return (Customer) found.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerRef findVisible(long customerId, CurrentUser viewer) {
        return loadVisible(customerId, viewer).toRef();
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerRef findReadable(long customerId, CurrentUser viewer) {
        return loadReadable(customerId, viewer).toRef();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactRef> contactsOf(long customerId, CurrentUser viewer) {
        loadVisible(customerId, viewer);
        return contacts.findByCustomer(customerId).stream().map(Contact::toRef).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ContactRef> contactsById(long customerId, Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return contacts.findByCustomerAndIds(customerId, contactIds).stream()
                .collect(Collectors.toMap(Contact::getId, Contact::toRef));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> usersWhoCanSee(long customerId) {
        Customer customer = customers.findById(customerId).orElseThrow(CustomerNotFoundException::new);
        Set<Long> ids = new HashSet<>(users.enabledAdminIds());
        if (customer.getOwnerId() != null) {
            ids.add(customer.getOwnerId());
            ids.addAll(users.managersOf(customer.getOwnerId()));
        }
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> visibleNames(Collection<Long> customerIds, CurrentUser viewer) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Scope scope = visibility.scopeOf(viewer);
        var sql = jdbc.sql("SELECT c.id, c.name FROM customer c WHERE c.id IN (:ids) AND " + scope.condition("c"))
                .param("ids", Set.copyOf(customerIds));
        if (!scope.all()) {
            sql = sql.param("scopeOwners", scope.ownerIds());
        }
        Map<Long, String> names = new java.util.HashMap<>();
        sql.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerRef> findDue(CurrentUser viewer, Instant until, int limit) {
        Scope scope = visibility.scopeOf(viewer);
        var sql = jdbc.sql("""
                SELECT c.id FROM customer c
                WHERE %s AND coalesce(c.next_follow_up_at, 'infinity'::timestamptz) < :until
                ORDER BY coalesce(c.next_follow_up_at, 'infinity'::timestamptz), c.id
                LIMIT :limit
                """.formatted(scope.condition("c")))
                .param("until", java.sql.Timestamp.from(until))
                .param("limit", limit);
        if (!scope.all()) {
            sql = sql.param("scopeOwners", scope.ownerIds());
        }
        List<Long> ids = sql.query(Long.class).list();
        Map<Long, Customer> byId = customers.findAllById(ids).stream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(Customer::toRef).toList();
    }

    record Details(CustomerView customer, CustomerRef ref, List<ContactView> contacts,
            List<OwnerHistoryRow> history) {
    }

    /** The customer page: the customer, its contacts and its owner history, in a fixed number of statements. */
    @Transactional(readOnly = true)
    Details details(long id, CurrentUser viewer) {
        Customer c = loadReadable(id, viewer);
        List<ContactView> contactViews = contacts.findByCustomer(id).stream()
                .map(contact -> ContactView.of(contact, c.getName())).toList();
        record RawHistory(Instant at, OwnerChangeKind kind, Long previous, Long next, Long by, String reason) {
        }
        List<RawHistory> raw = jdbc.sql("""
                SELECT changed_at, kind, previous_owner_id, new_owner_id, changed_by_id, reason
                FROM customer_owner_history WHERE customer_id = :id ORDER BY id DESC LIMIT 100
                """)
                .param("id", id)
                .query((rs, n) -> new RawHistory(rs.getTimestamp(1).toInstant(), OwnerChangeKind.valueOf(rs.getString(2)),
                        (Long) rs.getObject(3), (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6)))
                .list();
        Set<Long> userIds = new HashSet<>();
        userIds.add(c.getCreatedById());
        if (c.getOwnerId() != null) {
            userIds.add(c.getOwnerId());
        }
        raw.forEach(h -> {
            userIds.add(h.previous());
            userIds.add(h.next());
            userIds.add(h.by());
        });
        userIds.remove(null);
        Map<Long, UserSummary> names = users.findUsers(userIds);
        Function<Long, String> name = uid -> uid == null || !names.containsKey(uid) ? null : names.get(uid).displayName();
        List<OwnerHistoryRow> history = raw.stream()
                .map(h -> new OwnerHistoryRow(h.at(), h.kind(), name.apply(h.previous()), name.apply(h.next()),
                        name.apply(h.by()), h.reason()))
                .toList();
        PoolDeadlineView.Deadline deadline = deadlines.snapshot()
                .apply(new PoolDeadlineView.Key(c.getType(), c.getStatus(), c.getOwnerId(), c.getClockAt()));
        return new Details(CustomerView.of(c, name.apply(c.getOwnerId()), name.apply(c.getCreatedById()),
                deadline == null ? null : deadline.at(), deadline != null && deadline.near()),
                c.toRef(), contactViews, history);
    }

    // --- create and edit

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
        recordOwnerChange(customer, null, user.id(), user.id(), OwnerChangeKind.CREATED, null, now);
        return customer.getId();
    }

    void update(long id, CustomerForm form, CurrentUser user) {
        Customer customer = loadVisible(id, user);
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
        Customer c = loadVisible(id, user);
        return new CustomerForm(c.getName(), nz(c.getCreditCode()), c.getType(), nz(c.getRegion()),
                nz(c.getIndustry()), c.getSource(), nz(c.getReferrer()), nz(c.getWebsite()), nz(c.getAddress()),
                c.getStaffSize(), c.getStatus(),
                c.getNextFollowUpAt() == null ? null : LocalDateTime.ofInstant(c.getNextFollowUpAt(), clock.getZone()),
                c.getExpectedAmount(), c.getExpectedCloseDate(), nz(c.getRequirements()), nz(c.getExtraDiscount()),
                nz(c.getRemarks()), String.join(", ", c.getTags()), c.getJkbServiceCodeStatus(),
                nz(c.getJkbRegistrationName()), c.getJzmhRetention(), nz(c.getJzmhRegistrationName()),
                nz(c.getWechatyGithubUrl()), c.getWechatyContributor(), c.getVersion());
    }

    private void apply(Customer c, CustomerForm form, CurrentUser user) {
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
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : text.split("[,，;；\\n]+")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new RuleViolation("tags", "customer.tags.tooLong", MAX_TAG_LENGTH);
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new RuleViolation("tags", "customer.tags.tooMany", MAX_TAGS);
        }
        return List.copyOf(tags);
    }

    /** Stores a web address with its scheme, so that it is always rendered as an http(s) link. */
    private static String normalizeWebsite(String website) {
        String w = Contact.blankToNull(website);
        if (w == null) {
            return null;
        }
        return w.matches("(?i)^https?://.*") ? w : "https://" + w;
    }

    private void requireNoDuplicate(Customer customer, Scope scope) {
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

    // --- ownership

    /**
     * A manager moves a customer within their teams; an administrator anywhere. The receiver's
     * cap is checked under their lock, the clock restarts, history is written and the receiver
     * is notified (through the event).
     */
    void transfer(long id, long targetUserId, String reason, CurrentUser user) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Reps cannot transfer customers");
        }
        Customer customer = loadVisible(id, user);
        UserSummary target = users.findUser(targetUserId)
                .filter(UserSummary::enabled)
                .filter(u -> u.role() != Role.ADMIN)
                .filter(u -> visibility.scopeOf(user).includesOwner(u.id()))
                .orElseThrow(() -> new RuleViolation("targetUserId", "customer.transfer.invalidTarget"));
        if (Objects.equals(customer.getOwnerId(), target.id())) {
            throw new RuleViolation("targetUserId", "customer.transfer.sameOwner");
        }
        try {
            caps.requireRoom(target.id(), customer.getType());
        } catch (RuleViolation e) {
            throw e.onField("targetUserId");
        }
        Instant now = clock.instant();
        Long previousOwner = customer.getOwnerId();
        customer.setOwnerId(target.id());
        customer.setClockAt(now);
        customer.setUpdatedAt(now);
        customers.saveAndFlush(customer);
        recordOwnerChange(customer, previousOwner, target.id(), user.id(), OwnerChangeKind.TRANSFERRED,
                reason.strip(), now);
    }

    /** Users a customer may be transferred to by this user: enabled reps and managers in their scope. */
    @Transactional(readOnly = true)
    List<UserSummary> transferTargets(CurrentUser user) {
        Scope scope = visibility.scopeOf(user);
        return users.findEnabledUsers().stream()
                .filter(u -> u.role() != Role.ADMIN)
                .filter(u -> scope.includesOwner(u.id()))
                .toList();
    }

    private void recordOwnerChange(Customer customer, Long previousOwnerId, Long newOwnerId, Long byUserId,
            OwnerChangeKind kind, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO customer_owner_history
                    (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind, reason, changed_at)
                VALUES (:customer, :previous, :next, :by, :kind, :reason, :at)
                """)
                .param("customer", customer.getId())
                .param("previous", previousOwnerId)
                .param("next", newOwnerId)
                .param("by", byUserId)
                .param("kind", kind.name())
                .param("reason", reason)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        events.publishEvent(new CustomerOwnerChanged(customer.getId(), customer.getName(), previousOwnerId,
                newOwnerId, byUserId, kind, reason, at));
        publishObtained(customer, previousOwnerId, newOwnerId, byUserId, kind, at);
    }

    /** A creation or a transfer gives the customer to a user: a fact for the boards, with their team now. */
    private void publishObtained(Customer customer, Long previousOwnerId, Long newOwnerId, Long byUserId,
            OwnerChangeKind kind, Instant at) {
        if (newOwnerId == null) {
            return;
        }
        events.publishEvent(new io.tidecrm.customer.CustomerObtained(customer.getId(), customer.getName(),
                customer.getType(), newOwnerId, users.findUser(newOwnerId).map(UserSummary::teamId).orElse(null),
                previousOwnerId, kind, byUserId, at, java.time.LocalDate.ofInstant(at, clock.getZone())));
    }

    // --- the follow-up clock

    @Override
    public void recordFollowUp(long customerId, CurrentUser viewer, FollowUpFacts facts) {
        if (facts.newStatus() == CustomerStatus.WON) {
            throw new IllegalArgumentException("A follow-up cannot mark a customer won");
        }
        Customer customer = loadVisible(customerId, viewer);
        em.detach(customer);
        // One conditional statement: the clock only moves forward, even if two follow-ups race.
        jdbc.sql("""
                UPDATE customer SET
                    clock_at = GREATEST(clock_at, :at),
                    last_follow_up_at = GREATEST(coalesce(last_follow_up_at, :at), :at),
                    status = coalesce(:status, status),
                    next_follow_up_at = :next,
                    updated_at = :now,
                    version = version + 1
                WHERE id = :id
                """)
                .param("at", java.sql.Timestamp.from(facts.occurredAt()))
                .param("status", facts.newStatus() == null ? null : facts.newStatus().name())
                .param("next", facts.nextFollowUpAt() == null ? null : java.sql.Timestamp.from(facts.nextFollowUpAt()))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", customerId)
                .update();
    }

    @Override
    public void recordActivity(long customerId, CurrentUser viewer, Instant at) {
        Customer customer = loadVisible(customerId, viewer);
        em.detach(customer);
        jdbc.sql("UPDATE customer SET clock_at = GREATEST(clock_at, :at), updated_at = :now WHERE id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", customerId)
                .update();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // --- the scope for other modules' SQL

    @Override
    @Transactional(readOnly = true)
    public io.tidecrm.customer.CustomerScope scopeCondition(String customerAlias, CurrentUser viewer) {
        if (!customerAlias.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not an SQL alias: " + customerAlias);
        }
        Scope scope = visibility.scopeOf(viewer);
        return new io.tidecrm.customer.CustomerScope(scope.condition(customerAlias),
                scope.all() ? Map.of() : Map.of("scopeOwners", scope.ownerIds()));
    }

    // --- won by an approved contract (contract module)

    @Override
    public void markWon(long customerId, Instant at) {
        int updated = jdbc.sql("""
                UPDATE customer SET status = 'WON', updated_at = :at, version = version + 1
                WHERE id = :id AND status <> 'WON'
                """)
                .param("at", java.sql.Timestamp.from(at))
                .param("id", customerId)
                .update();
        if (updated == 0 && jdbc.sql("SELECT count(*) FROM customer WHERE id = ?").param(customerId)
                .query(Long.class).single() == 0) {
            throw new CustomerNotFoundException();
        }
    }
}
