package io.tidecrm.contract.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.sales.OpportunityIntake;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Where;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewals (续约): the approved contracts whose service ends soon, and the one renewal opportunity
 * of a contract, created through the sales module's {@link OpportunityIntake} with the contract's
 * lines. "Once" is decided by the database: the {@code contract_renewal} row is claimed by a
 * conditional insert before the opportunity is created, so a second submit (even a concurrent one,
 * which waits on the key) finds the first one's opportunity instead of making another.
 */
@Service
@Transactional
class ContractRenewals {

    static final int MAX_ROWS = 500;
    private static final String CUSTOMERS = CustomerScope.join("c", "k.customer_id");

    private final JdbcClient jdbc;
    private final ContractService contracts;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final OpportunityIntake opportunities;
    private final MessageSource messages;
    private final Clock clock;

    ContractRenewals(JdbcClient jdbc, ContractService contracts, CustomerManagement customers, UserManagement users,
            OpportunityIntake opportunities, MessageSource messages, Clock clock) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.customers = customers;
        this.users = users;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    /** The renewal opportunity of a contract, and whether this request created it. */
    record Renewal(long opportunityId, boolean created) {
    }

    /**
     * The approved, not terminated contracts in the viewer's scope (a rep's own customers, a
     * manager's team's, everyone's for an administrator) whose service ends from today on, less
     * than {@code within} days ahead, the soonest first.
     */
    @Transactional(readOnly = true)
    RenewalsDue due(CurrentUser viewer, RenewalsDue.Window within) {
        LocalDate today = LocalDate.now(clock);
        Where where = RenewalsDue.endingWithin(
                customers.scopeCondition("c", viewer).where().add("k.approval_state = 'APPROVED'"), today,
                within.days());
        record Raw(RenewalsDue.Row row, long ownerId) {
        }
        List<Raw> raws = jdbc.sql("""
                SELECT k.id, k.title, c.id AS customer_id, c.name AS customer_name, k.owner_id, k.total, k.service_end,
                       k.service_end - CAST(:today AS date) AS days_left, r.opportunity_id
                FROM contract k %s
                LEFT JOIN contract_renewal r ON r.contract_id = k.id
                WHERE %s ORDER BY k.service_end, k.id LIMIT %d
                """.formatted(CUSTOMERS, where.sql(), MAX_ROWS))
                .params(where.params())
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Raw(new RenewalsDue.Row(rs.getLong("id"), rs.getString("title"),
                        rs.getLong("customer_id"), rs.getString("customer_name"), null, rs.getBigDecimal("total"),
                        rs.getDate("service_end").toLocalDate(), rs.getLong("days_left"),
                        (Long) rs.getObject("opportunity_id")), rs.getLong("owner_id")))
                .list();
        Map<Long, UserSummary> names = users.findUsers(raws.stream().map(Raw::ownerId).toList());
        return new RenewalsDue(today, within,
                raws.stream().map(r -> r.row().withOwner(ContractService.displayName(names, r.ownerId()))).toList());
    }

    /**
     * The renewal opportunity of an approved contract the viewer may see: the existing one, or a
     * new one for the same customer and owner with the contract's lines (product, quantity, unit
     * price, discount), expected to close on the last day of service.
     *
     * @param locale the viewer's language, for the opportunity's title
     */
    Renewal create(long contractId, Locale locale, CurrentUser viewer) {
        Contract contract = contracts.loadVisible(contractId, viewer);
        if (contract.getApprovalState() != ApprovalState.APPROVED) {
            throw new RuleViolation(null, "renewal.notApproved");
        }
        int claimed = jdbc.sql("""
                INSERT INTO contract_renewal (contract_id, created_by_id, created_at) VALUES (:id, :by, :at)
                ON CONFLICT (contract_id) DO NOTHING
                """)
                .param("id", contractId)
                .param("by", viewer.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            return new Renewal(jdbc.sql("SELECT opportunity_id FROM contract_renewal WHERE contract_id = ?")
                    .param(contractId).query(Long.class).single(), false);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate closeBy = contract.getServiceEnd() == null || contract.getServiceEnd().isBefore(today) ? today
                : contract.getServiceEnd();
        String title = messages.getMessage("renewal.opportunity.title", new Object[] { contract.getTitle() }, locale);
        long opportunityId = opportunities.createRenewal(contract.getCustomerId(), contract.getOwnerId(), title,
                contract.getTotal(), closeBy, contract.getLines().stream().map(ContractLine::priced).toList(), viewer);
        jdbc.sql("UPDATE contract_renewal SET opportunity_id = ? WHERE contract_id = ?")
                .params(opportunityId, contractId).update();
        return new Renewal(opportunityId, true);
    }
}
