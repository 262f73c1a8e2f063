package io.tidecrm.service.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.contract.ContractsInService;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly return visit of every A customer in service (seed 002: 重要客户每月至少 1 次回访):
 * each A customer with an owner and an approved contract in service on the run's business day
 * gets one return visit due by the end of that month, for its service contact (the customer's
 * owner when it has none), unless a return visit after an approval already falls due that month.
 * One set-based statement; the unique (customer, month) makes it at most once per month, and a run
 * is recorded once per scheduled time, so a rerun changes nothing. The daily run picks up a
 * customer that becomes A or enters service during the month.
 */
@Component
class MonthlyReturnVisits {

    static final String JOB = "MONTHLY_VISITS";

    private static final Logger log = LoggerFactory.getLogger(MonthlyReturnVisits.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CustomerManagement customers;
    private final ContractsInService contracts;
    private final ServiceJobRuns runs;
    private final Clock clock;

    MonthlyReturnVisits(JdbcClient jdbc, TransactionTemplate tx, CustomerManagement customers,
            ContractsInService contracts, ServiceJobRuns runs, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.customers = customers;
        this.contracts = contracts;
        this.runs = runs;
        this.clock = clock;
    }

    /** The run standing for {@code asOf} (its scheduled time; now for a run by hand): the visits scheduled, or -1 when it already ran. */
    int run(Instant asOf, boolean manual) {
        Long runId = runs.start(JOB, asOf, manual);
        if (runId == null) {
            return -1;
        }
        int scheduled;
        try {
            scheduled = tx.execute(s -> schedule(LocalDate.ofInstant(asOf, clock.getZone())));
        } catch (RuntimeException e) {
            runs.finish(runId, "FAILED", 0, 0, e.toString());
            throw e;
        }
        if (scheduled > 0) {
            log.info("Monthly return visits as of {}: {} scheduled", asOf, scheduled);
        }
        runs.finish(runId, "DONE", scheduled, 1, null);
        return scheduled;
    }

    private int schedule(LocalDate day) {
        Map<Long, Long> owners = customers.ownersOfType(CustomerType.A);
        Set<Long> inService = contracts.customersInService(day);
        List<Long> ids = owners.keySet().stream().filter(inService::contains).sorted().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        LocalDate month = day.withDayOfMonth(1);
        return jdbc.sql("""
                INSERT INTO service_return_visit (customer_id, offset_days, due_date, owner_id, created_at, visit_month)
                SELECT x.customer_id, 0, :due, coalesce(sc.user_id, x.owner_id), :now, :month
                FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[])) AS x (customer_id, owner_id)
                LEFT JOIN service_contact sc ON sc.customer_id = x.customer_id
                WHERE NOT EXISTS (SELECT 1 FROM service_return_visit v
                                  WHERE v.customer_id = x.customer_id AND v.due_date BETWEEN :month AND :due)
                ON CONFLICT (customer_id, visit_month) DO NOTHING
                """)
                .param("ids", ids.toArray(Long[]::new))
                .param("owners", ids.stream().map(owners::get).toArray(Long[]::new))
                .param("due", Date.valueOf(day.with(TemporalAdjusters.lastDayOfMonth())))
                .param("month", Date.valueOf(month))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
