package io.tidecrm.contract.internal;

import java.util.List;

import io.tidecrm.contract.ContractSearch;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contracts for the global search, in one statement inside the viewer's customer scope. */
@Service
@Transactional(readOnly = true)
class ContractSearching implements ContractSearch {

    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    ContractSearching(JdbcClient jdbc, CustomerManagement customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public List<SearchHit> contracts(String term, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("(" + where.nameMatch("t.title", term) + " OR " + where.nameMatch("c.name", term) + ")");
        return jdbc.sql("""
                SELECT t.id, t.title, c.name AS customer_name FROM contract t %s
                WHERE %s ORDER BY t.id DESC LIMIT %d
                """.formatted(CustomerScope.join("c", "t.customer_id"), where.sql(), limit))
                .params(where.params())
                .query((rs, n) -> new SearchHit(rs.getString("title"), rs.getString("customer_name"),
                        "/contracts/" + rs.getLong("id")))
                .list();
    }
}
