package io.tidecrm.customer.internal;

import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerSearch;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers and contacts for the global search, each in one statement inside the viewer's scope. */
@Service
@Transactional(readOnly = true)
class CustomerSearching implements CustomerSearch {

    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    CustomerSearching(JdbcClient jdbc, CustomerManagement customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public List<SearchHit> customers(String term, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("(" + where.nameMatch("c.name", term) + " OR c.credit_code LIKE :codePrefix ESCAPE '\\')",
                "codePrefix", SearchHit.prefix(SearchHit.upper(term)));
        return jdbc.sql("""
                SELECT c.id, c.name, c.credit_code FROM customer c
                WHERE %s ORDER BY c.updated_at DESC, c.id DESC LIMIT %d
                """.formatted(where.sql(), limit))
                .params(where.params())
                .query((rs, n) -> new SearchHit(rs.getString("name"), rs.getString("credit_code"),
                        "/customers/" + rs.getLong("id")))
                .list();
    }

    @Override
    public List<SearchHit> contacts(String term, CurrentUser viewer, int limit) {
        Where where = customers.scopeCondition("c", viewer).where();
        where.add("(" + where.nameMatch("k.name", term) + " OR k.mobile LIKE :prefix ESCAPE '\\'"
                + " OR lower(k.email) LIKE lower(:prefix) ESCAPE '\\')", "prefix", SearchHit.prefix(term));
        return jdbc.sql("""
                SELECT k.name, k.mobile, k.email, k.customer_id, c.name AS customer_name
                FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE %s ORDER BY k.id DESC LIMIT %d
                """.formatted(where.sql(), limit))
                .params(where.params())
                .query((rs, n) -> new SearchHit(rs.getString("name"),
                        String.join(" · ", java.util.stream.Stream.of(rs.getString("customer_name"),
                                rs.getString("mobile"), rs.getString("email")).filter(s -> s != null && !s.isBlank())
                                .toList()),
                        "/customers/" + rs.getLong("customer_id")))
                .list();
    }
}
