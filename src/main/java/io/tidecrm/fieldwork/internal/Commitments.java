package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.fieldwork.CommitmentWorkload;
import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments (承诺事项) made on visits: to-dos of their owner with a due date, overdue from the day
 * after it (in the business zone), read inside the viewer's customer scope, marked done once with
 * when and by whom.
 */
@Service
@Transactional
class Commitments implements CommitmentWorkload {

    /** A commitment as the list shows it. */
    public record Row(long id, long visitId, long customerId, String customerName, long ownerId, String ownerName,
            String content, LocalDate dueDate, boolean overdue, java.time.Instant doneAt, String doneByName) {

        public boolean done() {
            return doneAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    Commitments(JdbcClient jdbc, CustomerManagement customers, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Who may own a commitment the writer makes: the writer first, then the enabled members of
     * their team and its managers, by name.
     */
    @Transactional(readOnly = true)
    List<UserSummary> possibleOwners(CurrentUser writer) {
        Map<Long, UserSummary> owners = new java.util.LinkedHashMap<>();
        users.findUser(writer.id()).ifPresent(u -> owners.put(u.id(), u));
        List<UserSummary> others = new java.util.ArrayList<>();
        if (writer.teamId() != null) {
            others.addAll(users.findTeamMembers(writer.teamId()));
        }
        others.addAll(users.findUsers(users.managersOf(writer.id())).values());
        others.stream().filter(UserSummary::enabled)
                .sorted(java.util.Comparator.comparing(UserSummary::displayName))
                .forEach(u -> owners.putIfAbsent(u.id(), u));
        return List.copyOf(owners.values());
    }

    /** Refuses half-filled rows, due dates before today and owners the writer may not name, each on its own field. */
    void check(VisitRecordForm form, CurrentUser writer) {
        LocalDate today = LocalDate.now(clock);
        java.util.Set<Long> owners = null;
        RuleViolation.Collector refused = RuleViolation.collect();
        for (Map.Entry<Integer, CommitmentForm> row : form.filledCommitments()) {
            String prefix = "commitments[" + row.getKey() + "].";
            if (row.getValue().content() == null || row.getValue().content().isBlank()) {
                refused.add(prefix + "content", "commitment.content.required");
            }
            if (row.getValue().dueDate() == null) {
                refused.add(prefix + "dueDate", "commitment.dueDate.required");
            } else if (row.getValue().dueDate().isBefore(today)) {
                refused.add(prefix + "dueDate", "commitment.dueDate.past");
            }
            Long owner = row.getValue().ownerId();
            if (owner != null && owner != writer.id()) {
                if (owners == null) {
                    owners = possibleOwners(writer).stream().map(UserSummary::id).collect(java.util.stream.Collectors.toSet());
                }
                if (!owners.contains(owner)) {
                    refused.add(prefix + "ownerId", "commitment.owner.notInTeam");
                }
            }
        }
        refused.throwIfAny();
    }

    /** The commitments of a visit record, owned by the owner chosen on each row, else by the writer. */
    void add(VisitView visit, VisitRecordForm form, CurrentUser user) {
        for (Map.Entry<Integer, CommitmentForm> row : form.filledCommitments()) {
            jdbc.sql("""
                    INSERT INTO visit_commitment (visit_id, customer_id, owner_id, content, due_date, created_at)
                    VALUES (:visit, :customer, :owner, :content, :due, :now)
                    """)
                    .param("visit", visit.id())
                    .param("customer", visit.customerId())
                    .param("owner", row.getValue().ownerId() == null ? user.id() : row.getValue().ownerId())
                    .param("content", row.getValue().content().strip())
                    .param("due", row.getValue().dueDate())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /**
     * Open commitments, soonest due first, then those done in the last week: a rep's own, a
     * manager's team's (or one owner's), inside the customer scope.
     */
    @Transactional(readOnly = true)
    List<Row> list(Long ownerId, CurrentUser viewer) {
        Where where = visibleTo(viewer)
                .add("(k.done_at IS NULL OR k.done_at >= :weekAgo)", "weekAgo",
                        Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))));
        if (viewer.role() != Role.REP) {
            where.addIf("k.owner_id = :owner", "owner", ownerId);
        }
        return rows(where, "ORDER BY (k.done_at IS NOT NULL), k.due_date, k.id LIMIT 200");
    }

    @Override
    @Transactional(readOnly = true)
    public long overdue(CurrentUser viewer) {
        Where where = visibleTo(viewer)
                .add("k.done_at IS NULL")
                .add("k.due_date < :today", "today", java.sql.Date.valueOf(LocalDate.now(clock)));
        return jdbc.sql("SELECT count(*) FROM visit_commitment k %s WHERE %s"
                        .formatted(CustomerScope.join("c", "k.customer_id"), where.sql()))
                .params(where.params()).query(Long.class).single();
    }

    /**
     * A rep's own commitments, whoever owns their customers (a colleague may have named them the
     * owner on a visit record); a manager's and an administrator's inside their customer scope.
     */
    private Where visibleTo(CurrentUser viewer) {
        return viewer.role() == Role.REP ? new Where("k.owner_id = :me", Map.of("me", viewer.id()))
                : customers.scopeCondition("c", viewer).where();
    }

    /** The commitments of one visit. */
    @Transactional(readOnly = true)
    List<Row> ofVisit(long visitId, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().add("k.visit_id = :visit", "visit", visitId);
        return rows(where, "ORDER BY k.due_date, k.id");
    }

    /**
     * Marks a commitment done, by its owner or by someone who sees its customer as a manager or an
     * administrator. Done once: a second mark changes nothing.
     */
    void markDone(long commitmentId, CurrentUser user) {
        Where where = visibleTo(user).add("k.id = :id", "id", commitmentId);
        Row row = rows(where, "").stream().findFirst().orElseThrow(CustomerNotFoundException::new);
        if (row.ownerId() != user.id() && user.role() == Role.REP) {
            throw new RuleViolation(null, "commitment.notYours");
        }
        int updated = jdbc.sql("""
                UPDATE visit_commitment SET done_at = :now, done_by_id = :user WHERE id = :id AND done_at IS NULL
                """)
                .param("now", Timestamp.from(clock.instant()))
                .param("user", user.id())
                .param("id", commitmentId)
                .update();
        if (updated == 0) {
            throw new RuleViolation(null, "commitment.alreadyDone");
        }
    }

    private List<Row> rows(Where where, String tail) {
        LocalDate today = LocalDate.now(clock);
        record Raw(long id, long visitId, long customerId, String customerName, long ownerId, String content,
                LocalDate due, java.time.Instant doneAt, Long doneBy) {
        }
        List<Raw> raw = jdbc.sql("""
                SELECT k.id, k.visit_id, k.customer_id, c.name, k.owner_id, k.content, k.due_date, k.done_at, k.done_by_id
                FROM visit_commitment k %s
                WHERE %s
                """.formatted(CustomerScope.join("c", "k.customer_id"), where.sql()) + tail)
                .params(where.params())
                .query((rs, n) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), VisitQueries.instant(rs, "done_at"),
                        (Long) rs.getObject(9)))
                .list();
        Set<Long> userIds = raw.stream().flatMap(r -> r.doneBy() == null ? java.util.stream.Stream.of(r.ownerId())
                : java.util.stream.Stream.of(r.ownerId(), r.doneBy())).collect(Collectors.toSet());
        Map<Long, UserSummary> names = userIds.isEmpty() ? Map.of() : users.findUsers(userIds);
        return raw.stream().map(r -> new Row(r.id(), r.visitId(), r.customerId(), r.customerName(), r.ownerId(),
                name(names, r.ownerId()), r.content(), r.due(), r.doneAt() == null && r.due().isBefore(today),
                r.doneAt(), r.doneBy() == null ? null : name(names, r.doneBy()))).toList();
    }

    private static String name(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }
}
