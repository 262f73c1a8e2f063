package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of many contracts — list, customer panel, approval queue and its count, overdue
 * ageing — each one statement joined to {@code customer} and kept inside the viewer's scope in
 * SQL. Every value is a bind parameter.
 */
@Component
@Transactional(readOnly = true)
class ContractQueries {

    static final int PAGE_SIZE = 20;
    static final int OVERDUE_ROWS = 500;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("k.id");

    /** The customer of each contract, through the customer module's join; the scope condition uses alias c. */
    private static final String CUSTOMERS = CustomerScope.join("c", "k.customer_id");

    private static final String COLUMNS = """
            k.id, k.title, k.customer_id, c.name AS customer_name, k.status, k.approval_state, k.total,
            (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p WHERE p.contract_id = k.id) AS received,
            k.sign_date, k.owner_id, k.submitted_by_id, k.version""";

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    ContractQueries(JdbcClient jdbc, CustomerManagement customers, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    /** One page of the list, newest first, filtered by approval, status, owner and title. */
    KeysetPage<ContractRow> list(ContractListQuery query, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where()
                .addIf("k.approval_state = :approval", "approval", query.approval())
                .addIf("k.status = :status", "status", query.status())
                .addIf("k.owner_id = :owner", "owner", query.owner())
                .addIf("strpos(lower(k.title), lower(:q)) > 0", "q", query.q())
                .after(NEWEST_FIRST, query.cursor());
        return KeysetPage.of(rows(where, PAGE_SIZE + 1), PAGE_SIZE, ContractRow::id);
    }

    /** The customer's contracts for its page, newest first. */
    List<ContractRow> ofCustomer(long customerId, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("k.customer_id = :customer", "customer", customerId);
        return rows(where, limit);
    }

    /**
     * The submitted contracts the viewer may decide on, oldest submission first: an
     * administrator's are all but their own, a manager's those submitted by their team's members.
     */
    List<ContractRow> approvalQueue(CurrentUser viewer) {
        Where where = queueWhere(viewer);
        return where == null ? List.of() : rows(where, 200).stream()
                .sorted(Comparator.comparing(ContractRow::id)).toList();
    }

    long pendingCount(CurrentUser viewer) {
        Where where = queueWhere(viewer);
        if (where == null) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM contract k " + CUSTOMERS + " WHERE " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private Where queueWhere(CurrentUser viewer) {
        if (viewer.role() == Role.REP) {
            return null;
        }
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("k.approval_state = 'SUBMITTED'", null, null);
        where.add("k.submitted_by_id <> :me", "me", viewer.id());
        if (viewer.role() == Role.MANAGER) {
            Set<Long> team = new HashSet<>(users.managedUserIds(viewer.id()));
            team.remove(viewer.id());
            if (team.isEmpty()) {
                return null;
            }
            where.add("k.submitted_by_id IN (:team)", "team", team);
        }
        return where;
    }

    /** The overdue instalments of approved contracts in the viewer's scope, by ageing bucket. */
    Overdue overdue(CurrentUser viewer) {
        LocalDate today = LocalDate.now(clock);
        List<Overdue.Row> rows = outstanding(viewer, today, "i.due_date < :until", today).stream()
                .map(o -> new Overdue.Row(o.instalmentId(), o.contractId(), o.title(), o.customerId(),
                        o.customerName(), o.ownerName(), o.dueDate(), o.amount(), o.outstanding(), o.days(),
                        Overdue.Range.of(o.days())))
                .toList();
        Map<Overdue.Range, long[]> counts = new EnumMap<>(Overdue.Range.class);
        Map<Overdue.Range, BigDecimal> sums = new EnumMap<>(Overdue.Range.class);
        for (Overdue.Row row : rows) {
            counts.computeIfAbsent(row.range(), r -> new long[1])[0]++;
            sums.merge(row.range(), row.outstanding(), BigDecimal::add);
        }
        List<Overdue.Bucket> buckets = new ArrayList<>();
        for (Overdue.Range range : Overdue.Range.values()) {
            buckets.add(new Overdue.Bucket(range, counts.getOrDefault(range, new long[1])[0],
                    sums.getOrDefault(range, BigDecimal.ZERO)));
        }
        return new Overdue(today, buckets, rows);
    }

    /**
     * What is still to be received on the approved contracts in the viewer's scope, due within
     * {@code within} days from today, the overdue ones included: a rep's own, a manager's team's,
     * everyone's for an administrator.
     */
    InstalmentsDue due(CurrentUser viewer, InstalmentsDue.Window within) {
        LocalDate today = LocalDate.now(clock);
        List<InstalmentsDue.Row> rows = outstanding(viewer, today, "i.due_date <= :until",
                today.plusDays(within.days()));
        return InstalmentsDue.of(today, within, rows);
    }

    /** Instalments of approved contracts in scope with something outstanding, oldest due first. */
    private List<InstalmentsDue.Row> outstanding(CurrentUser viewer, LocalDate today, String dueCondition,
            LocalDate until) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("k.approval_state = 'APPROVED'", null, null);
        where.add(dueCondition, "until", Date.valueOf(until));
        record Raw(InstalmentsDue.Row row, long ownerId) {
        }
        List<Raw> raws = jdbc.sql("""
                SELECT * FROM (
                    SELECT i.id, i.contract_id, k.title, c.id AS customer_id, c.name AS customer_name, k.owner_id,
                           i.due_date, i.amount,
                           i.amount - (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p
                                       WHERE p.instalment_id = i.id) AS outstanding,
                           CAST(:today AS date) - i.due_date AS days
                    FROM contract_instalment i
                    JOIN contract k ON k.id = i.contract_id
                    %s
                    WHERE %s
                ) o
                WHERE o.outstanding > 0
                ORDER BY o.due_date, o.id LIMIT %d
                """.formatted(CUSTOMERS, where.sql(), OVERDUE_ROWS))
                .params(where.params())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Raw(new InstalmentsDue.Row(rs.getLong("id"), rs.getLong("contract_id"),
                        rs.getString("title"), rs.getLong("customer_id"), rs.getString("customer_name"), null,
                        rs.getDate("due_date").toLocalDate(), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("outstanding"), rs.getLong("days")), rs.getLong("owner_id")))
                .list();
        Map<Long, UserSummary> names = users.findUsers(raws.stream().map(Raw::ownerId).toList());
        return raws.stream().map(r -> r.row().withOwner(ContractService.displayName(names, r.ownerId()))).toList();
    }

    /** Owners a manager (their team) or an administrator (everyone but administrators) may filter by; null for a rep. */
    List<Choice> ownerChoices(CurrentUser viewer) {
        return viewer.role() == Role.REP ? null
                : Choice.of(users.ownersVisibleTo(viewer), UserSummary::id, UserSummary::displayName);
    }

    private List<ContractRow> rows(Where where, int limit) {
        List<ContractRow> rows = jdbc.sql("""
                SELECT %s FROM contract k %s
                WHERE %s ORDER BY %s LIMIT %d
                """.formatted(COLUMNS, CUSTOMERS, where.sql(), NEWEST_FIRST.orderBy(), limit))
                .params(where.params())
                .query((rs, n) -> row(rs))
                .list();
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.ownerId());
            if (r.submittedById() != null) {
                ids.add(r.submittedById());
            }
        });
        Map<Long, UserSummary> names = users.findUsers(ids);
        return rows.stream().map(r -> r.withNames(ContractService.displayName(names, r.ownerId()),
                r.submittedById() == null ? null : ContractService.displayName(names, r.submittedById()))).toList();
    }

    private static ContractRow row(ResultSet rs) throws SQLException {
        return new ContractRow(rs.getLong("id"), rs.getString("title"), rs.getLong("customer_id"),
                rs.getString("customer_name"), ContractStatus.valueOf(rs.getString("status")),
                ApprovalState.valueOf(rs.getString("approval_state")), rs.getBigDecimal("total"),
                rs.getBigDecimal("received"), rs.getDate("sign_date").toLocalDate(), rs.getLong("owner_id"), null,
                (Long) rs.getObject("submitted_by_id"), null, rs.getLong("version"));
    }
}
