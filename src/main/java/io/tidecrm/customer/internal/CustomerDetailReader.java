package io.tidecrm.customer.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer page's read model: the customer with its owner and pool deadline, its contacts
 * and its owner history, every user named, in a fixed number of statements.
 */
@Service
@Transactional(readOnly = true)
class CustomerDetailReader {

    private final CustomerDirectory directory;
    private final ContactRepository contacts;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final PoolDeadlineView deadlines;

    CustomerDetailReader(CustomerDirectory directory, ContactRepository contacts, JdbcClient jdbc,
            UserManagement users, PoolDeadlineView deadlines) {
        this.directory = directory;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.users = users;
        this.deadlines = deadlines;
    }

    record Details(CustomerView customer, CustomerRef ref, List<ContactView> contacts,
            List<OwnerHistoryRow> history) {
    }

    /** The customer page: the customer, its contacts and its owner history, in a fixed number of statements. */
    Details details(long id, CurrentUser viewer) {
        Customer c = directory.loadReadable(id, viewer);
        List<ContactView> contactViews = directory.contactsOfCustomer(id).stream()
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
                // Who made the change is named only when the row does not already name them (a rep who
                // created or grabbed the customer is its new owner).
                .map(h -> new OwnerHistoryRow(h.at(), h.kind(), name.apply(h.previous()), name.apply(h.next()),
                        h.by() == null || h.by().equals(h.next()) || h.by().equals(h.previous()) ? null
                                : name.apply(h.by()),
                        h.reason()))
                .toList();
        PoolDeadlineView.Deadline deadline = deadlines.snapshot()
                .apply(new PoolDeadlineView.Key(c.getType(), c.getStatus(), c.getOwnerId(), c.getClockAt()));
        return new Details(CustomerView.of(c, name.apply(c.getOwnerId()), name.apply(c.getCreatedById()),
                deadline == null ? null : deadline.at(), deadline != null && deadline.near()),
                c.toRef(), contactViews, history);
    }
}
