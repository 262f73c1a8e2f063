package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.contract.CollectionStatistics;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class CollectionFigures implements CollectionStatistics {

    private static final String CUSTOMERS = CustomerScope.join("c", "k.customer_id");
    /** The renewal windows, in days from the day of the report. */
    private static final int[] WINDOWS = { 30, 60, 90 };

    private final JdbcClient jdbc;
    private final CustomerManagement customers;

    CollectionFigures(JdbcClient jdbc, CustomerManagement customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    private Where approved(CurrentUser viewer) {
        return customers.scopeCondition("c", viewer).where().add("k.approval_state = 'APPROVED'");
    }

    @Override
    public List<MonthRow> monthly(CurrentUser viewer, YearMonth from, YearMonth to) {
        Date start = Date.valueOf(from.atDay(1));
        Date end = Date.valueOf(to.plusMonths(1).atDay(1));
        Where planWhere = approved(viewer).add("i.due_date >= :start", "start", start).add("i.due_date < :end", "end", end);
        record Plan(YearMonth month, BigDecimal planned, BigDecimal onPlan) {
        }
        Map<YearMonth, Plan> plans = jdbc.sql("""
                SELECT date_trunc('month', i.due_date)::date AS month, sum(i.amount),
                       coalesce(sum((SELECT sum(p.amount) FROM contract_payment p WHERE p.instalment_id = i.id)), 0)
                FROM contract_instalment i JOIN contract k ON k.id = i.contract_id %s
                WHERE %s GROUP BY 1
                """.formatted(CUSTOMERS, planWhere.sql()))
                .params(planWhere.params())
                .query((rs, n) -> new Plan(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getBigDecimal(2),
                        rs.getBigDecimal(3)))
                .list().stream().collect(Collectors.toMap(Plan::month, Function.identity()));
        Where paidWhere = approved(viewer).add("p.paid_on >= :start", "start", start).add("p.paid_on < :end", "end", end);
        Map<YearMonth, BigDecimal> received = jdbc.sql("""
                SELECT date_trunc('month', p.paid_on)::date AS month, sum(p.amount)
                FROM contract_payment p JOIN contract k ON k.id = p.contract_id %s
                WHERE %s GROUP BY 1
                """.formatted(CUSTOMERS, paidWhere.sql()))
                .params(paidWhere.params())
                .query((rs, n) -> Map.entry(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getBigDecimal(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<MonthRow> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Plan plan = plans.get(m);
            rows.add(new MonthRow(m, plan == null ? BigDecimal.ZERO : plan.planned(),
                    received.getOrDefault(m, BigDecimal.ZERO), plan == null ? BigDecimal.ZERO : plan.onPlan()));
        }
        return rows;
    }

    @Override
    public List<AgingRow> aging(CurrentUser viewer, LocalDate day) {
        Where where = approved(viewer).add("i.due_date < :day", "day", Date.valueOf(day));
        Map<Integer, AgingRow> found = jdbc.sql("""
                SELECT bucket, count(*), sum(outstanding) FROM (
                    SELECT CASE WHEN CAST(:day AS date) - i.due_date <= 30 THEN 1 WHEN CAST(:day AS date) - i.due_date <= 60 THEN 31
                                WHEN CAST(:day AS date) - i.due_date <= 90 THEN 61 ELSE 91 END AS bucket,
                           i.amount - coalesce((SELECT sum(p.amount) FROM contract_payment p
                                                WHERE p.instalment_id = i.id), 0) AS outstanding
                    FROM contract_instalment i JOIN contract k ON k.id = i.contract_id %s
                    WHERE %s
                ) o WHERE outstanding > 0 GROUP BY bucket
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new AgingRow(rs.getInt(1), bucketEnd(rs.getInt(1)), rs.getLong(2), rs.getBigDecimal(3)))
                .list().stream().collect(Collectors.toMap(AgingRow::fromDays, Function.identity()));
        List<AgingRow> rows = new ArrayList<>();
        for (int from : new int[] { 1, 31, 61, 91 }) {
            rows.add(found.getOrDefault(from, new AgingRow(from, bucketEnd(from), 0, BigDecimal.ZERO)));
        }
        return rows;
    }

    private static Integer bucketEnd(int from) {
        return from == 91 ? null : from + 29;
    }

    @Override
    public List<RenewalRow> renewalsDue(CurrentUser viewer, LocalDate day) {
        Where where = RenewalsDue.endingWithin(approved(viewer), day, WINDOWS[WINDOWS.length - 1]);
        return jdbc.sql("""
                SELECT k.id, k.title, c.id, c.name, k.service_end, k.total
                FROM contract k %s WHERE %s ORDER BY k.service_end, k.id LIMIT 500
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> {
                    LocalDate end = rs.getDate(5).toLocalDate();
                    return new RenewalRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), end,
                            rs.getBigDecimal(6), window(day, end));
                })
                .list();
    }

    @Override
    public RenewalRate renewalRate(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = approved(viewer).add("k.service_end >= :from", "from", Date.valueOf(from))
                .add("k.service_end <= :to", "to", Date.valueOf(to));
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM contract n
                           WHERE n.customer_id = k.customer_id AND n.id <> k.id AND n.approval_state = 'APPROVED'
                             AND n.sign_date >= k.sign_date AND n.service_end > k.service_end))
                FROM contract k %s WHERE %s
                """.formatted(CUSTOMERS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new RenewalRate(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    private static int window(LocalDate day, LocalDate end) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(day, end);
        for (int w : WINDOWS) {
            if (days < w) {
                return w;
            }
        }
        return WINDOWS[WINDOWS.length - 1];
    }
}
