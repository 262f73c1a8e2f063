package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.sales.PipelineStatistics;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class PipelineFigures implements PipelineStatistics {

    private static final String CUSTOMERS = CustomerScope.join("c", "o.customer_id");

    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final Clock clock;

    PipelineFigures(JdbcClient jdbc, CustomerManagement customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public List<StageRow> openByStage(CurrentUser viewer) {
        Where where = customers.scopeCondition("c", viewer).where()
                .add("o.stage IN ('LEAD', 'QUALIFIED', 'SOLUTION', 'PROPOSAL', 'NEGOTIATION')");
        Map<String, StageRow> found = jdbc.sql("""
                SELECT o.stage, count(*), coalesce(sum(o.amount), 0),
                       coalesce(sum(round(o.amount * o.probability / 100.0, 2)), 0)
                FROM opportunity o %s WHERE %s GROUP BY o.stage
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new StageRow(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .list().stream().collect(Collectors.toMap(StageRow::stage, Function.identity()));
        List<StageRow> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (!stage.isClosed()) {
                rows.add(found.getOrDefault(stage.name(),
                        new StageRow(stage.name(), 0, BigDecimal.ZERO, BigDecimal.ZERO)));
            }
        }
        return rows;
    }

    @Override
    public List<OutcomeRow> closed(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = customers.scopeCondition("c", viewer).where()
                .add("o.stage IN ('WON', 'LOST')")
                .onBusinessDays("o.closed_at", from, to, clock.getZone());
        return jdbc.sql("""
                SELECT o.stage, CASE WHEN o.stage = 'LOST' THEN btrim(o.lost_reason) END AS reason,
                       count(*), coalesce(sum(o.amount), 0)
                FROM opportunity o %s WHERE %s
                GROUP BY 1, 2 ORDER BY o.stage DESC, count(*) DESC, reason
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new OutcomeRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }
}
