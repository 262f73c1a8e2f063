package io.tidecrm.contract.internal;

import static io.tidecrm.support.SqlValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.contract.ContractRecords;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContractRecords}: one statement per page, inside the viewer's customer scope. */
@Component
@Transactional(readOnly = true)
class ContractRecordQueries implements ContractRecords {

    private static final KeysetOrder CONTRACTS = KeysetOrder.newestFirst("k.id");
    private static final KeysetOrder PAYMENTS = KeysetOrder.newestFirst("p.id");
    private static final String SELECT = """
            SELECT k.id, k.customer_id, c.name AS customer_name, k.owner_id, k.title, k.status, k.type, k.approval_state,
                   k.total, k.sign_date, k.service_start, k.service_end, k.created_at, k.updated_at, k.version
            FROM contract k %s
            WHERE %s
            """;

    private final CustomerManagement customers;
    private final JdbcClient jdbc;

    ContractRecordQueries(CustomerManagement customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public KeysetPage<ContractData> list(String cursor, int pageSize, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().after(CONTRACTS, cursor);
        List<ContractData> rows = jdbc.sql(SELECT.formatted(CustomerScope.join("c", "k.customer_id"), where.sql())
                + " ORDER BY " + CONTRACTS.orderBy() + " LIMIT " + (pageSize + 1))
                .params(where.params()).query((rs, n) -> contract(rs)).list();
        return KeysetPage.of(rows, pageSize, ContractData::id);
    }

    @Override
    public ContractData get(long contractId, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().add("k.id = :id", "id", contractId);
        return jdbc.sql(SELECT.formatted(CustomerScope.join("c", "k.customer_id"), where.sql()))
                .params(where.params()).query((rs, n) -> contract(rs)).optional()
                .orElseThrow(ContractNotFoundException::new);
    }

    @Override
    public KeysetPage<PaymentData> payments(String cursor, int pageSize, CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where().after(PAYMENTS, cursor);
        List<PaymentData> rows = jdbc.sql("""
                SELECT p.id, p.contract_id, k.customer_id, p.paid_on, p.amount, p.method, p.instalment_id, p.recorded_at
                FROM contract_payment p JOIN contract k ON k.id = p.contract_id %s
                WHERE %s ORDER BY %s LIMIT %d
                """.formatted(CustomerScope.join("c", "k.customer_id"), where.sql(), PAYMENTS.orderBy(), pageSize + 1))
                .params(where.params())
                .query((rs, n) -> new PaymentData(rs.getLong("id"), rs.getLong("contract_id"), rs.getLong("customer_id"),
                        rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("method"),
                        (Long) rs.getObject("instalment_id"), instant(rs, "recorded_at")))
                .list();
        return KeysetPage.of(rows, pageSize, PaymentData::id);
    }

    private static ContractData contract(ResultSet rs) throws SQLException {
        return new ContractData(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getLong("owner_id"), rs.getString("title"), rs.getString("status"), rs.getString("type"),
                rs.getString("approval_state"), rs.getBigDecimal("total"), rs.getObject("sign_date", LocalDate.class),
                rs.getObject("service_start", LocalDate.class), rs.getObject("service_end", LocalDate.class),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

}
