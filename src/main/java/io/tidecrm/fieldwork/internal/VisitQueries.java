package io.tidecrm.fieldwork.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads visits, always inside the viewer's customer scope (in the SQL): a visit is visible exactly
 * when its customer is, and an id outside the scope answers 404 like one that does not exist.
 */
@Component
@Transactional(readOnly = true)
class VisitQueries {

    private static final String SELECT = """
            SELECT v.id, v.customer_id, c.name AS customer_name, v.contact_id, v.owner_id, v.planned_at, v.place,
                   v.purpose, v.checked_in_at, v.latitude, v.longitude, v.accuracy_m, v.distance_m, v.check_in_flag,
                   v.checked_out_at, r.recorded_at, v.version
            FROM visit v %s
            LEFT JOIN visit_record r ON r.visit_id = v.id
            WHERE %s
            """;

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;

    VisitQueries(JdbcClient jdbc, CustomerManagement customers, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    /** The visit when the viewer may see its customer; otherwise 404. */
    VisitView loadVisible(long visitId, CurrentUser viewer) {
        return find(visitId, viewer).orElseThrow(CustomerNotFoundException::new);
    }

    Optional<VisitView> find(long visitId, CurrentUser viewer) {
        Where where = scope(viewer).where().add("v.id = :id", "id", visitId);
        return named(query(where, "")).stream().findFirst();
    }

    /**
     * The visits planned on a day, in time order: a rep's own; a manager's or an administrator's of
     * everyone in their scope, or of one owner.
     */
    List<VisitView> day(LocalDate day, Long ownerId, CurrentUser viewer) {
        Where where = scope(viewer).where()
                .add("v.planned_at >= :from AND v.planned_at < :until",
                        Map.of("from", startOf(day), "until", startOf(day.plusDays(1))));
        if (viewer.role() == Role.REP) {
            where.add("v.owner_id = :me", "me", viewer.id());
        } else {
            where.addIf("v.owner_id = :owner", "owner", ownerId);
        }
        return named(query(where, "ORDER BY v.planned_at, v.id LIMIT 200"));
    }

    /** The visits of one customer, newest first (the customer page's panel). */
    List<VisitView> ofCustomer(long customerId, CurrentUser viewer, int limit) {
        Where where = scope(viewer).where().add("v.customer_id = :customer", "customer", customerId);
        return named(query(where, "ORDER BY v.planned_at DESC, v.id DESC LIMIT " + limit));
    }

    private List<VisitView> query(Where where, String tail) {
        return jdbc.sql(SELECT.formatted(CustomerScope.join("c", "v.customer_id"), where.sql()) + tail)
                .params(where.params())
                .query((rs, n) -> row(rs))
                .list();
    }

    private CustomerScope scope(CurrentUser viewer) {
        return customers.scopeCondition("c", viewer);
    }

    private List<VisitView> named(List<VisitView> visits) {
        Set<Long> ownerIds = visits.stream().map(VisitView::ownerId).collect(Collectors.toSet());
        Map<Long, UserSummary> names = ownerIds.isEmpty() ? Map.of() : users.findUsers(ownerIds);
        return visits.stream().map(v -> v.withOwnerName(
                names.containsKey(v.ownerId()) ? names.get(v.ownerId()).displayName() : "?")).toList();
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    private static VisitView row(ResultSet rs) throws SQLException {
        String flag = rs.getString("check_in_flag");
        return new VisitView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                (Long) rs.getObject("contact_id"), rs.getLong("owner_id"), null, instant(rs, "planned_at"),
                rs.getString("place"), rs.getString("purpose"), instant(rs, "checked_in_at"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                (Double) rs.getObject("accuracy_m"), (Integer) rs.getObject("distance_m"),
                flag == null ? null : CheckInFlag.valueOf(flag), instant(rs, "checked_out_at"),
                instant(rs, "recorded_at"), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
