package io.tidecrm.followup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.followup.FollowUpStatistics;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class FollowUpFigures implements FollowUpStatistics {

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final Clock clock;

    FollowUpFigures(JdbcClient jdbc, CustomerManagement customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public List<KindRow> byKind(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = customers.scopeCondition("c", viewer).where()
                .add("f.corrects_id IS NULL")
                .onBusinessDays("f.occurred_at", from, to, clock.getZone());
        return jdbc.sql("""
                SELECT f.kind, count(*), count(DISTINCT f.customer_id)
                FROM follow_up f %s WHERE %s GROUP BY f.kind ORDER BY 2 DESC, 1
                """.formatted(CustomerScope.join("c", "f.customer_id"), where.sql()))
                .params(where.params())
                .query((rs, n) -> new KindRow(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
