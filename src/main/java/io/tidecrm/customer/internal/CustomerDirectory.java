package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.FollowUpFacts;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.RequestMemo;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers for the other modules ({@link CustomerManagement}), and the one place of this module
 * that loads a customer: always through the viewer's {@link Scope}, so that an id outside it
 * answers 404 like one that does not exist. The follow-up clock moves here too, in the caller's
 * transaction.
 */
@Service
@Transactional
class CustomerDirectory implements CustomerManagement {

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final EntityManager em;
    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final UserManagement users;
    private final Clock clock;

    CustomerDirectory(CustomerRepository customers, ContactRepository contacts, EntityManager em, JdbcClient jdbc,
            Visibility visibility, UserManagement users, Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.em = em;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.users = users;
        this.clock = clock;
    }

    /** Loads a customer the viewer may see, or answers 404. */
    Customer loadVisible(long id, CurrentUser viewer) {
        return load(id, viewer, false);
    }

    /** Loads a customer the viewer may see or that is in the pool, or answers 404. */
    Customer loadReadable(long id, CurrentUser viewer) {
        return load(id, viewer, true);
    }

    private Customer load(long id, CurrentUser viewer, boolean orInPool) {
        // A page asks for its customer several times (the page, the timeline, the contact
        // choices): within its read-only transaction the row is read once, as readable (in the
        // scope or in the pool), and "visible" is told from it: a pool customer is visible to
        // an administrator only, any other readable one is in the scope.
        Customer customer = RequestMemo.getWhileReadOnly("customer." + id + "." + viewer.id(),
                () -> java.util.Optional.ofNullable(query(id, viewer, true))).orElse(null);
        if (customer == null || (!orInPool && customer.getOwnerId() == null && !visibility.scopeOf(viewer).all())) {
            throw new CustomerNotFoundException();
        }
        return customer;
    }

    /** The customer's contacts, primary first: read once per page. */
    List<Contact> contactsOfCustomer(long customerId) {
        return RequestMemo.getWhileReadOnly("contacts." + customerId, () -> contacts.findByCustomer(customerId));
    }

    private Customer query(long id, CurrentUser viewer, boolean orInPool) {
        Scope scope = visibility.scopeOf(viewer);
        String condition = orInPool ? "(" + scope.condition("c") + " OR c.owner_id IS NULL)" : scope.condition("c");
        var query = em.createNativeQuery("SELECT c.* FROM customer c WHERE c.id = :id AND " + condition, Customer.class)
                .setParameter("id", id);
        if (!scope.all()) {
            query.setParameter("scopeOwners", scope.ownerIds());
        }
        List<?> found = query.getResultList();
        return found.isEmpty() ? null : (Customer) found.get(0);
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
        return contactsOfCustomer(customerId).stream().map(Contact::toRef).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ContactRef> contactsById(long customerId, Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        // On a page the customer's contacts are usually read already: label from them.
        List<Contact> all = contactsOfCustomer(customerId);
        return all.stream().filter(c -> contactIds.contains(c.getId()))
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
    public Map<Long, Long> ownersOfType(io.tidecrm.customer.CustomerType type) {
        Map<Long, Long> owners = new java.util.HashMap<>();
        jdbc.sql("SELECT id, owner_id FROM customer WHERE type = ? AND owner_id IS NOT NULL")
                .param(type.name())
                .query((rs, n) -> owners.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return owners;
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
                    next_follow_up_at = coalesce(:next, CASE WHEN :clearNext THEN NULL ELSE next_follow_up_at END),
                    updated_at = :now,
                    version = version + 1
                WHERE id = :id
                """)
                .param("at", java.sql.Timestamp.from(facts.occurredAt()))
                .param("status", facts.newStatus() == null ? null : facts.newStatus().name())
                .param("next", facts.nextFollowUpAt() == null ? null : java.sql.Timestamp.from(facts.nextFollowUpAt()))
                .param("clearNext", facts.clearNextFollowUp())
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
