package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts of customers; a contact is visible exactly when its customer is. */
@Service
@Transactional
public class ContactService {

    static final int PAGE_SIZE = 20;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("k.id");

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

    /** The contacts list: newest first, searched by name or mobile, inside the viewer's customer scope. */
    @Transactional(readOnly = true)
    KeysetPage<ContactView> list(ContactListQuery query, CurrentUser user) {
        Scope scope = visibility.scopeOf(user);
        Where where = new Where(scope.condition("c"), scope.all() ? Map.of() : Map.of("scopeOwners", scope.ownerIds()));
        if (query.q() != null) {
            where.add("(" + where.nameMatch("k.name", query.q()) + " OR k.mobile = :exact)", "exact", query.q().strip());
        }
        where.after(NEWEST_FIRST, query.cursor());
        List<ContactView> rows = jdbc.sql("""
                SELECT k.id, k.customer_id, c.name AS customer_name, k.name, k.gender, k.department, k.title,
                       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address, k.birthday, k.remarks, k.is_primary
                FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE %s
                ORDER BY %s
                LIMIT %d
                """.formatted(where.sql(), NEWEST_FIRST.orderBy(), PAGE_SIZE + 1))
                .params(where.params())
                .query((rs, n) -> new ContactView(rs.getLong("id"), rs.getLong("customer_id"),
                        rs.getString("customer_name"), rs.getString("name"), rs.getString("gender"),
                        rs.getString("department"), rs.getString("title"), rs.getString("mobile"),
                        rs.getString("wechat_nickname"), rs.getString("wechat_id"), rs.getString("email"),
                        rs.getString("address"), rs.getObject("birthday", java.time.LocalDate.class),
                        rs.getString("remarks"), rs.getBoolean("is_primary")))
                .list();
        return KeysetPage.of(rows, PAGE_SIZE, ContactView::id);
    }
}
