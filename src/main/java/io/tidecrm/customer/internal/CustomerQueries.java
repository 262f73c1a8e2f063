package io.tidecrm.customer.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.LenientEnumConverter;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer list: filters, sort and keyset pagination in one statement, always inside the
 * viewer's scope. Sort expressions come from {@link CustomerListQuery.Sort} only, never from
 * the request, and every value is a bind parameter.
 */
@Component
@Transactional(readOnly = true)
public class CustomerQueries {


    /**
     * The next follow-up as its index has it (a missing one is infinity, which no finite bound
     * admits), so that the due filters are index ranges.
     */
    private static final String NEXT = CustomerListQuery.Sort.NEXT_FOLLOW_UP.order.expression();

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final UserManagement users;
    private final Clock clock;

    private final PoolDeadlineView deadlines;

    CustomerQueries(JdbcClient jdbc, Visibility visibility, UserManagement users, Clock clock,
            PoolDeadlineView deadlines) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.users = users;
        this.clock = clock;
    }

    /** One row of the customer list. */
    public record Row(long id, String name, CustomerType type, CustomerStatus status, Long ownerId, String ownerName,
            List<String> tags, Instant nextFollowUpAt, boolean overdue, Long daysSinceFollowUp, Long daysToPool,
            boolean poolNear) {
    }

    /** One page of the list: filtered, sorted and paged by key in one statement inside the viewer's scope. */
    KeysetPage<Row> list(CustomerListQuery query, CurrentUser viewer) {
        Scope scope = visibility.scopeOf(viewer);
        KeysetOrder order = query.sortOrDefault().order;
        int pageSize = query.pageSize();
        Where where = new Where()
                .addIf("c.status = :status", "status", query.status())
                .addIf("c.type = :type", "type", query.type())
                .addIf("c.source = :source", "source", query.source())
                .addIf("c.tags @> ARRAY[CAST(:tag AS text)]", "tag", query.tag())
                .addIf("c.owner_id = :owner", "owner", query.owner());
        if (query.q() != null) {
            where.add("(" + where.nameMatch("c.name", query.q()) + " OR c.credit_code = :code)", "code",
                    query.q().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (query.due() != null) {
            addDue(query.due(), where);
        }
        if (query.idle() != null) {
            where.add("c.owner_id IS NOT NULL AND c.status <> 'WON' AND c.clock_at < :idleBefore", "idleBefore",
                    Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(query.idle().days))));
        }
        where.after(order, query.cursor());
        String sql;
        if (scope.all()) {
            sql = """
                    SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at, c.last_follow_up_at,
                           c.clock_at, CAST(%1$s AS text) AS sort_value
                    FROM customer c
                    WHERE %2$s
                    ORDER BY %3$s
                    LIMIT %4$d
                    """.formatted(order.expression(), where.sql(), order.orderBy(), pageSize + 1);
        } else {
            // One index scan per owner in scope, merged: PostgreSQL does not merge an IN list in
            // index order by itself, and a whole team's customers would otherwise be sorted.
            where.bind("scopeOwners", scope.ownerIds().toArray(Long[]::new));
            sql = """
                    SELECT x.id, x.name, x.type, x.status, x.owner_id, x.tags, x.next_follow_up_at,
                           x.last_follow_up_at, x.clock_at, x.sort_value
                    FROM unnest(CAST(:scopeOwners AS bigint[])) AS s(owner_id)
                    CROSS JOIN LATERAL (
                        SELECT c.id, c.name, c.type, c.status, c.owner_id, c.tags, c.next_follow_up_at,
                               c.last_follow_up_at, c.clock_at, %1$s AS sort_key, CAST(%1$s AS text) AS sort_value
                        FROM customer c
                        WHERE c.owner_id = s.owner_id AND %2$s
                        ORDER BY %3$s
                        LIMIT %5$d
                    ) x
                    ORDER BY x.sort_key %4$s, x.id %4$s
                    LIMIT %5$d
                    """.formatted(order.expression(), where.sql(), order.orderBy(), order.direction(), pageSize + 1);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<RawRow> raw = jdbc.sql(sql).params(where.params()).query((rs, n) -> RawRow.of(rs)).list();
        return KeysetPage.withCursors(raw, pageSize, r -> order.cursorOf(r.id(), r.sortValue())).map(pageRows -> {
            Map<Long, UserSummary> owners = users.findUsers(pageRows.stream().map(RawRow::ownerId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
            var deadline = deadlines.snapshot();
            return pageRows.stream().map(r -> row(r, owners, deadline, now, today)).toList();
        });
    }

    private Row row(RawRow r, Map<Long, UserSummary> owners,
            java.util.function.Function<PoolDeadlineView.Key, PoolDeadlineView.Deadline> deadline, Instant now,
            LocalDate today) {
        PoolDeadlineView.Deadline d = deadline.apply(new PoolDeadlineView.Key(r.type(), r.status(), r.ownerId(),
                r.clockAt()));
        return new Row(r.id(), r.name(), r.type(), r.status(), r.ownerId(),
                r.ownerId() == null ? null : owners.containsKey(r.ownerId()) ? owners.get(r.ownerId()).displayName() : null,
                r.tags(), r.nextFollowUpAt(), r.nextFollowUpAt() != null && r.nextFollowUpAt().isBefore(now),
                r.lastFollowUpAt() == null ? null
                        : ChronoUnit.DAYS.between(LocalDate.ofInstant(r.lastFollowUpAt(), clock.getZone()), today),
                d == null ? null : d.days(), d != null && d.near());
    }

    /** Distinct tags on the viewer's customers, for the filter's choices. */
    List<String> tagsInScope(CurrentUser viewer) {
        Scope scope = visibility.scopeOf(viewer);
        var sql = jdbc.sql("""
                SELECT DISTINCT t FROM (
                    SELECT unnest(c.tags) AS t FROM customer c WHERE %s AND c.tags <> '{}' LIMIT 5000
                ) tags ORDER BY t LIMIT 100
                """.formatted(scope.condition("c")));
        if (!scope.all()) {
            sql = sql.param("scopeOwners", scope.ownerIds());
        }
        return sql.query(String.class).list();
    }

    private void addDue(CustomerListQuery.Due due, Where where) {
        Instant now = clock.instant();
        ZonedDateTime startOfDay = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone());
        ZonedDateTime monday = startOfDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        switch (due) {
            case OVERDUE -> where.add(NEXT + " < :dueEnd", "dueEnd", Timestamp.from(now));
            case TODAY -> where.add(NEXT + " >= :dueStart AND " + NEXT + " < :dueEnd", Map.of(
                    "dueStart", Timestamp.from(startOfDay.toInstant()),
                    "dueEnd", Timestamp.from(startOfDay.plusDays(1).toInstant())));
            case WEEK -> where.add(NEXT + " >= :dueStart AND " + NEXT + " < :dueEnd", Map.of(
                    "dueStart", Timestamp.from(monday.toInstant()),
                    "dueEnd", Timestamp.from(monday.plusWeeks(1).toInstant())));
        }
    }

    private record RawRow(long id, String name, CustomerType type, CustomerStatus status, Long ownerId,
            List<String> tags, Instant nextFollowUpAt, Instant lastFollowUpAt, Instant clockAt, String sortValue) {

        static RawRow of(ResultSet rs) throws SQLException {
            Timestamp next = rs.getTimestamp("next_follow_up_at");
            Timestamp last = rs.getTimestamp("last_follow_up_at");
            return new RawRow(rs.getLong("id"), rs.getString("name"), CustomerType.valueOf(rs.getString("type")),
                    // a status this version does not know lists as none, not as a server error
                    LenientEnumConverter.parse(CustomerStatus.class, rs.getString("status")), (Long) rs.getObject("owner_id"),
                    tags(rs.getArray("tags")), next == null ? null : next.toInstant(),
                    last == null ? null : last.toInstant(), rs.getTimestamp("clock_at").toInstant(),
                    rs.getString("sort_value"));
        }

        private static List<String> tags(Array array) throws SQLException {
            return array == null ? List.of() : List.of((String[]) array.getArray());
        }
    }
}
