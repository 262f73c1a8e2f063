package io.tidecrm.fieldwork.internal;

import static io.tidecrm.support.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.fieldwork.VisitRecords;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link VisitRecords}: one statement per page, inside the viewer's customer scope. */
@Component
@Transactional(readOnly = true)
class VisitRecordQueries implements VisitRecords {

    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("v.id");
    private static final String SELECT = """
            SELECT v.id, v.customer_id, c.name AS customer_name, v.contact_id, v.owner_id, v.planned_at, v.place,
                   v.purpose, v.checked_in_at, v.distance_m, v.check_in_flag, v.checked_out_at, r.recorded_at, v.version
            FROM visit v %s
            LEFT JOIN visit_record r ON r.visit_id = v.id
            WHERE %s
            """;

    private final CustomerManagement customers;
    private final JdbcClient jdbc;

    VisitRecordQueries(CustomerManagement customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public KeysetPage<VisitData> list(String cursor, int pageSize, Long customerId, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().after(NEWEST_FIRST, cursor)
                .addIf("v.customer_id = :customer", "customer", customerId);
        List<VisitData> rows = jdbc.sql(SELECT.formatted(CustomerScope.join("c", "v.customer_id"), where.sql())
                + " ORDER BY " + NEWEST_FIRST.orderBy() + " LIMIT " + (pageSize + 1))
                .params(where.params()).query((rs, n) -> row(rs)).list();
        return KeysetPage.of(rows, pageSize, VisitData::id);
    }

    @Override
    public VisitData get(long visitId, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().add("v.id = :id", "id", visitId);
        return jdbc.sql(SELECT.formatted(CustomerScope.join("c", "v.customer_id"), where.sql()))
                .params(where.params()).query((rs, n) -> row(rs)).optional()
                .orElseThrow(CustomerNotFoundException::new);
    }

    private static VisitData row(ResultSet rs) throws SQLException {
        return new VisitData(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                (Long) rs.getObject("contact_id"), rs.getLong("owner_id"), instant(rs, "planned_at"),
                rs.getString("place"), rs.getString("purpose"), instant(rs, "checked_in_at"),
                (Integer) rs.getObject("distance_m"), rs.getString("check_in_flag"), instant(rs, "checked_out_at"),
                instant(rs, "recorded_at"), rs.getLong("version"));
    }
}
