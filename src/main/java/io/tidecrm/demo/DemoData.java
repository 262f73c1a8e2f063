package io.tidecrm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.PricedLine;
import io.tidecrm.contract.ContractDemoData;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.fieldwork.FieldworkDemoData;
import io.tidecrm.integration.ImportDemoData;
import io.tidecrm.followup.FollowUpDemoData;
import io.tidecrm.integration.IntegrationDemoData;
import io.tidecrm.notification.WebhookDemoData;
import io.tidecrm.identity.DemoUsers;
import io.tidecrm.notification.NotificationDemoData;
import io.tidecrm.report.ReportDemoData;
import io.tidecrm.pool.PoolDemoData;
import io.tidecrm.sales.SalesDemoData;
import io.tidecrm.lead.LeadDemoData;
import io.tidecrm.service.ServiceDemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo data in the order of the modules' dependencies, each module writing only its
 * own tables: users (identity), the pool rules' start (pool), customers with contacts and owner
 * history (customer), the pool's warnings and run records (pool), follow-ups (followup),
 * opportunities (sales), contracts (contract), visits and reports (fieldwork), the inbox (notification),
 * tickets (service), leads (lead), the leaderboard (report), access tokens (integration) and a webhook log
 * (notification). The modules hand
 * each other ids through the records their demo APIs return, passed on here.
 *
 * <p>The records are one transaction: all or nothing. It is idempotent: when the demo customers
 * are there, nothing is added. An advisory lock keeps two nodes that start at the same moment on
 * a fresh database from seeding twice.
 */
@Component
@Profile("!prod")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The transaction-level advisory lock that serialises seeding across nodes. */
    private static final long LOCK = 0x7469_6465_6465_6d6fL;

    private final DemoUsers users;
    private final PoolDemoData pool;
    private final DemoCustomers customers;
    private final FollowUpDemoData followUps;
    private final SalesDemoData sales;
    private final ContractDemoData contracts;
    private final FieldworkDemoData fieldwork;
    private final ImportDemoData imports;
    private final NotificationDemoData notifications;
    private final ReportDemoData reports;
    private final IntegrationDemoData integration;
    private final WebhookDemoData webhooks;
    private final ServiceDemoData service;
    private final LeadDemoData leads;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoData(DemoUsers users, PoolDemoData pool, DemoCustomers customers, FollowUpDemoData followUps,
            SalesDemoData sales, ContractDemoData contracts, FieldworkDemoData fieldwork, ImportDemoData imports,
            NotificationDemoData notifications, ServiceDemoData service, ReportDemoData reports, LeadDemoData leads,
            IntegrationDemoData integration, WebhookDemoData webhooks, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.users = users;
        this.pool = pool;
        this.customers = customers;
        this.followUps = followUps;
        this.sales = sales;
        this.contracts = contracts;
        this.fieldwork = fieldwork;
        this.imports = imports;
        this.notifications = notifications;
        this.reports = reports;
        this.integration = integration;
        this.webhooks = webhooks;
        this.service = service;
        this.leads = leads;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Creates the demo users that are missing and says who they are. */
    public DemoUsers.Staff seedUsers() {
        return tx.execute(status -> {
            lock();
            return users.ensure();
        });
    }

    /**
     * Seeds the demo users and, unless the demo customers are there already, all the demo
     * records, in one transaction (joining the caller's, if any).
     *
     * @return whether the records were written (false: they were there)
     */
    public boolean seed() {
        Instant started = Instant.now();
        DemoUsers.Staff staff = seedUsers();
        Boolean written = tx.execute(status -> {
            lock();
            if (customers.present()) {
                return false;
            }
            LocalDate today = LocalDate.now(clock);
            Instant historyStart = today.minusDays(DemoCustomers.HISTORY_DAYS + 1L).atStartOfDay(clock.getZone())
                    .toInstant();
            DemoCustomers.PoolTerms terms = pool.prepare(historyStart);
            List<DemoCustomers.Customer> seeded = customers.seed(staff, terms);
            List<PoolDemoData.WarningDigest> warnings = pool.recordHistory(seeded);
            List<FollowUpDemoData.Mention> mentions = followUps.seed(seeded, terms, staff);
            Map<Long, List<PricedLine>> deals = sales.seed(seeded);
            List<ContractDemoData.ApprovalStep> approvals = contracts.seed(seeded, deals, staff);
            fieldwork.seed(seeded, staff);
            notifications.seed(seeded, warnings, mentions, approvals);
            service.seed(seeded, staff);
            leads.seed(seeded, staff);
            imports.seed(seeded, staff);
            reports.seed(historyStart.atZone(clock.getZone()).toLocalDate());
            integration.seed(staff);
            webhooks.seed();
            return true;
        });
        if (Boolean.TRUE.equals(written)) {
            log.info("Demo data seeded in {} ms (turn it off with tidecrm.demo-data.enabled=false)",
                    Duration.between(started, Instant.now()).toMillis());
        }
        return Boolean.TRUE.equals(written);
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query((rs, n) -> 1).single();
    }
}
