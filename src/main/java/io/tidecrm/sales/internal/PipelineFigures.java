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
    private final OpportunityQueries queries;
    private final Clock clock;

    PipelineFigures(JdbcClient jdbc, CustomerManagement customers, OpportunityQueries queries, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<ForecastRow> forecast(CurrentUser viewer) {
        return queries.forecast(viewer).rows().stream()
                .map(r -> new ForecastRow(r.month(), r.openCount(), r.openAmount(), r.weighted(), r.won()))
                .toList();
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

    /** A stage's place in the process, for comparing how far opportunities got (lost: 0). */
    private static final String ORDINAL = """
            CASE %s WHEN 'LEAD' THEN 1 WHEN 'QUALIFIED' THEN 2 WHEN 'SOLUTION' THEN 3 WHEN 'PROPOSAL' THEN 4
                    WHEN 'NEGOTIATION' THEN 5 WHEN 'WON' THEN 6 ELSE 0 END""";

    @Override
    public List<StageTime> timeInStage(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = customers.scopeCondition("c", viewer).where()
                .add("e.stage IN ('LEAD', 'QUALIFIED', 'SOLUTION', 'PROPOSAL', 'NEGOTIATION')")
                .onBusinessDays("e.left_at", from, to, clock.getZone());
        Map<String, StageTime> found = jdbc.sql("""
                SELECT e.stage, count(*), round(avg(extract(epoch FROM e.left_at - e.entered_at) / 86400.0)::numeric, 1)
                FROM opportunity_stage_entry e JOIN opportunity o ON o.id = e.opportunity_id %s
                WHERE %s GROUP BY e.stage
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new StageTime(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list().stream().collect(Collectors.toMap(StageTime::stage, Function.identity()));
        List<StageTime> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (!stage.isClosed()) {
                rows.add(found.getOrDefault(stage.name(), new StageTime(stage.name(), 0, null)));
            }
        }
        return rows;
    }

    @Override
    public List<FunnelRow> funnel(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = customers.scopeCondition("c", viewer).where()
                .onBusinessDays("o.created_at", from, to, clock.getZone());
        long[] reached = jdbc.sql("""
                SELECT count(*) FILTER (WHERE r >= 1), count(*) FILTER (WHERE r >= 2), count(*) FILTER (WHERE r >= 3),
                       count(*) FILTER (WHERE r >= 4), count(*) FILTER (WHERE r >= 5), count(*) FILTER (WHERE r >= 6)
                FROM (
                    SELECT (SELECT max(%s) FROM opportunity_stage_entry e WHERE e.opportunity_id = o.id) AS r
                    FROM opportunity o %s WHERE %s
                ) x
                """.formatted(ORDINAL.formatted("e.stage"), CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6) })
                .single();
        List<FunnelRow> rows = new ArrayList<>();
        String[] stages = { "LEAD", "QUALIFIED", "SOLUTION", "PROPOSAL", "NEGOTIATION", "WON" };
        for (int i = 0; i < stages.length; i++) {
            Integer rate = i == 0 || reached[i - 1] == 0 ? null
                    : (int) Math.round(reached[i] * 100.0 / reached[i - 1]);
            rows.add(new FunnelRow(stages[i], reached[i], rate));
        }
        return rows;
    }
}
