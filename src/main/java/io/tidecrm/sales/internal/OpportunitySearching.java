package io.tidecrm.sales.internal;

import java.util.List;

import io.tidecrm.sales.OpportunitySearch;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opportunities for the global search, in one statement inside the viewer's customer scope. */
@Service
@Transactional(readOnly = true)
class OpportunitySearching implements OpportunitySearch {

    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    OpportunitySearching(JdbcClient jdbc, CustomerManagement customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public List<SearchHit> opportunities(String term, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("(" + where.nameMatch("o.title", term) + " OR " + where.nameMatch("c.name", term) + ")");
        return jdbc.sql("""
                SELECT o.id, o.title, c.name AS customer_name FROM opportunity o %s
                WHERE %s ORDER BY o.id DESC LIMIT %d
                """.formatted(CustomerScope.join("c", "o.customer_id"), where.sql(), limit))
                .params(where.params())
                .query((rs, n) -> new SearchHit(rs.getString("title"), rs.getString("customer_name"),
                        "/opportunities/" + rs.getLong("id")))
                .list();
    }
}
