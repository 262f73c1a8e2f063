package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class CustomerFigures implements CustomerStatistics {

    private static final int MAX_GROUPS = 30;

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Clock clock;

    CustomerFigures(JdbcClient jdbc, Visibility visibility, Clock clock) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Override
    public List<Row> newCustomers(CurrentUser viewer, Dimension dimension, LocalDate from, LocalDate to) {
        // A fixed column per dimension: nothing the request sends becomes SQL.
        String column = switch (dimension) {
            case SOURCE -> "c.source";
            case INDUSTRY -> "nullif(btrim(c.industry), '')";
            case REGION -> "nullif(btrim(c.region), '')";
            case TYPE -> "c.type";
        };
        Scope scope = visibility.scopeOf(viewer);
        io.tidecrm.support.Where days = new io.tidecrm.support.Where()
                .onBusinessDays("c.created_at", from, to, clock.getZone());
        var sql = jdbc.sql("""
                SELECT %1$s AS value, count(*), count(c.won_at),
                       round(avg(extract(epoch FROM c.won_at - c.created_at) / 86400.0)::numeric, 1)
                FROM customer c
                WHERE %4$s AND %2$s
                GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT %3$d
                """.formatted(column, scope.condition("c"), MAX_GROUPS, days.sql()))
                .params(days.params());
        if (!scope.all()) {
            sql = sql.param("scopeOwners", scope.ownerIds());
        }
        return sql.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }
}
