package io.tidecrm.sales.internal;

import static io.tidecrm.support.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.sales.OpportunityRecords;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OpportunityRecords}: one statement per page, inside the viewer's customer scope. */
@Component
@Transactional(readOnly = true)
class OpportunityRecordQueries implements OpportunityRecords {

    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("o.id");
    private static final String SELECT = """
            SELECT o.id, o.customer_id, c.name AS customer_name, o.owner_id, o.title, o.stage, o.amount, o.probability,
                   o.expected_close_date, o.next_step, o.created_at, o.updated_at, o.closed_at, o.version
            FROM opportunity o %s
            WHERE %s
            """;

    private final CustomerManagement customers;
    private final JdbcClient jdbc;

    OpportunityRecordQueries(CustomerManagement customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public KeysetPage<OpportunityData> list(String cursor, int pageSize, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().after(NEWEST_FIRST, cursor);
        List<OpportunityData> rows = jdbc.sql(SELECT.formatted(CustomerScope.join("c", "o.customer_id"), where.sql())
                + " ORDER BY " + NEWEST_FIRST.orderBy() + " LIMIT " + (pageSize + 1))
                .params(where.params()).query((rs, n) -> row(rs)).list();
        return KeysetPage.of(rows, pageSize, OpportunityData::id);
    }

    @Override
    public OpportunityData get(long opportunityId, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().add("o.id = :id", "id", opportunityId);
        return jdbc.sql(SELECT.formatted(CustomerScope.join("c", "o.customer_id"), where.sql()))
                .params(where.params()).query((rs, n) -> row(rs)).optional()
                .orElseThrow(OpportunityNotFoundException::new);
    }

    private static OpportunityData row(ResultSet rs) throws SQLException {
        return new OpportunityData(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getLong("owner_id"), rs.getString("title"), rs.getString("stage"), rs.getBigDecimal("amount"),
                rs.getInt("probability"), rs.getObject("expected_close_date", java.time.LocalDate.class),
                rs.getString("next_step"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "closed_at"), rs.getLong("version"));
    }

}
