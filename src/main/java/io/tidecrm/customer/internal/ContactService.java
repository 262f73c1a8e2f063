package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.NameSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts of customers; a contact is visible exactly when its customer is. */
@Service
@Transactional
public class ContactService {

    static final int PAGE_SIZE = 20;

    private final ContactRepository contacts;
    private final CustomerDirectory customers;
    private final Visibility visibility;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactService(ContactRepository contacts, CustomerDirectory customers, Visibility visibility, JdbcClient jdbc,
            Clock clock) {
        this.contacts = contacts;
        this.customers = customers;
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(long customerId, ContactForm form, CurrentUser user) {
        customers.loadVisible(customerId, user);
        Instant now = clock.instant();
        Contact contact = new Contact(customerId, now);
        contact.apply(form, now);
        if (contact.isPrimary()) {
            // One primary per customer (a unique index): the old one steps down first.
            contacts.clearPrimary(customerId, -1L);
        }
        try {
            contacts.saveAndFlush(contact);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Someone marked another contact primary at the same moment (one primary per customer).
            throw new RuleViolation(null, "form.staleVersion");
        }
        return contact.getId();
    }

    /** The contact, if its customer is visible to the user; otherwise 404. */
    @Transactional(readOnly = true)
    Contact loadVisible(long contactId, CurrentUser user) {
        Contact contact = contacts.findById(contactId).orElseThrow(CustomerNotFoundException::new);
        customers.loadVisible(contact.getCustomerId(), user);
        return contact;
    }

    long update(long contactId, ContactForm form, CurrentUser user) {
        Contact contact = loadVisible(contactId, user);
        if (form.version() == null || form.version() != contact.getVersion()) {
            throw new RuleViolation(null, "form.staleVersion");
        }
        if (form.isPrimary()) {
            contacts.clearPrimary(contact.getCustomerId(), contact.getId());
        }
        contact.apply(form, clock.instant());
        try {
            contacts.saveAndFlush(contact);
        } catch (ObjectOptimisticLockingFailureException | org.springframework.dao.DataIntegrityViolationException e) {
            // Edited meanwhile, or another contact was made primary at the same moment.
            throw new RuleViolation(null, "form.staleVersion");
        }
        return contact.getCustomerId();
    }

    public record Page(List<ContactView> rows, Long nextAfter) {
    }

    /** The contacts list: newest first, searched by name or mobile, inside the viewer's customer scope. */
    @Transactional(readOnly = true)
    Page list(String q, Long after, CurrentUser user) {
        Scope scope = visibility.scopeOf(user);
        List<String> where = new ArrayList<>(List.of(scope.condition("c")));
        Map<String, Object> params = new HashMap<>();
        if (!scope.all()) {
            params.put("scopeOwners", scope.ownerIds());
        }
        if (q != null && !q.isBlank()) {
            where.add("(" + NameSearch.condition("k.name", q.strip(), params) + " OR k.mobile = :exact)");
            params.put("exact", q.strip());
        }
        if (after != null) {
            where.add("k.id < :after");
            params.put("after", after);
        }
        List<ContactView> rows = jdbc.sql("""
                SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
                       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
                FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE %s
                ORDER BY k.id DESC
                LIMIT %d
                """.formatted(String.join(" AND ", where), PAGE_SIZE + 1))
                .params(params)
                .query((rs, n) -> new ContactView(rs.getLong("id"), rs.getLong("customer_id"),
                        rs.getString("customer_name"), rs.getString("name"), rs.getString("gender"),
                        rs.getString("department"), rs.getString("title"), rs.getString("mobile"),
                        rs.getString("wechat_nickname"), rs.getString("wechat_id"), rs.getString("email"),
                        rs.getString("address"), rs.getObject("birthday", java.time.LocalDate.class),
                        rs.getString("remarks"), rs.getBoolean("is_primary")))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        List<ContactView> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        return new Page(page, more ? page.get(PAGE_SIZE - 1).id() : null);
    }

}
