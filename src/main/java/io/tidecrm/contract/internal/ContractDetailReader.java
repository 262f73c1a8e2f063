package io.tidecrm.contract.internal;

import static io.tidecrm.contract.internal.ContractService.displayName;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.tidecrm.catalog.LinePricing;
import io.tidecrm.catalog.LineView;
import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract page's read model ({@link ContractDetails}): the contract, its lines, plan,
 * payments, decisions and attachments, with every user named, in a fixed number of statements.
 */
@Service
@Transactional(readOnly = true)
class ContractDetailReader {

    private final ContractService access;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final LinePricing pricing;
    private final UserManagement users;
    private final ContractApproval approval;
    private final Clock clock;

    ContractDetailReader(ContractService access, JdbcClient jdbc, CustomerManagement customers, LinePricing pricing,
            UserManagement users, ContractApproval approval, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.customers = customers;
        this.pricing = pricing;
        this.users = users;
        this.approval = approval;
        this.clock = clock;
    }

    ContractDetails details(long id, CurrentUser viewer) {
        Contract c = access.loadVisible(id, viewer);
        CustomerRef customer = customers.findVisible(c.getCustomerId(), viewer);
        LocalDate today = LocalDate.now(clock);
        boolean approved = c.getApprovalState() == ApprovalState.APPROVED;
        List<ContractDetails.Instalment> plan = jdbc.sql("""
                SELECT i.id, i.due_date, i.amount, coalesce(sum(p.amount), 0) AS paid, count(p.id) AS payments
                FROM contract_instalment i LEFT JOIN contract_payment p ON p.instalment_id = i.id
                WHERE i.contract_id = ? GROUP BY i.id ORDER BY i.due_date, i.id
                """)
                .param(id)
                .query((rs, n) -> {
                    LocalDate due = rs.getDate("due_date").toLocalDate();
                    BigDecimal amount = rs.getBigDecimal("amount");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    long age = approved && paid.compareTo(amount) < 0 && due.isBefore(today)
                            ? ChronoUnit.DAYS.between(due, today) : 0;
                    return new ContractDetails.Instalment(rs.getLong("id"), due, amount, paid, age,
                            rs.getLong("payments") > 0);
                })
                .list();
        record P(ContractDetails.Payment payment, long recordedById) {
        }
        List<P> payments = jdbc.sql("""
                SELECT p.id, p.paid_on, p.amount, p.method, p.instalment_id, i.due_date, p.remarks, p.recorded_by_id,
                       p.recorded_at
                FROM contract_payment p LEFT JOIN contract_instalment i ON i.id = p.instalment_id
                WHERE p.contract_id = ? ORDER BY p.paid_on, p.id
                """)
                .param(id)
                .query((rs, n) -> new P(new ContractDetails.Payment(rs.getLong("id"), rs.getDate("paid_on").toLocalDate(),
                        rs.getBigDecimal("amount"), PaymentMethod.valueOf(rs.getString("method")),
                        (Long) rs.getObject("instalment_id"),
                        rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
                        rs.getString("remarks"), null, rs.getTimestamp("recorded_at").toInstant()),
                        rs.getLong("recorded_by_id")))
                .list();
        record D(String decision, String comment, long by, Instant at) {
        }
        List<D> decisions = jdbc.sql("""
                SELECT decision, comment, decided_by_id, decided_at FROM contract_decision
                WHERE contract_id = ? ORDER BY id
                """)
                .param(id)
                .query((rs, n) -> new D(rs.getString("decision"), rs.getString("comment"), rs.getLong("decided_by_id"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
        record A(ContractDetails.Attachment a, long by) {
        }
        List<A> attachments = jdbc.sql("""
                SELECT id, display_name, media_type, size_bytes, uploaded_by_id, uploaded_at FROM contract_attachment
                WHERE contract_id = ? ORDER BY id
                """)
                .param(id)
                .query((rs, n) -> new A(new ContractDetails.Attachment(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), null,
                        rs.getTimestamp("uploaded_at").toInstant()), rs.getLong("uploaded_by_id")))
                .list();

        Set<Long> userIds = new HashSet<>(List.of(c.getOwnerId(), c.getCreatedById()));
        Stream.of(c.getSubmittedById(), c.getOurSignatoryId()).filter(Objects::nonNull).forEach(userIds::add);
        payments.forEach(p -> userIds.add(p.recordedById()));
        decisions.forEach(d -> userIds.add(d.by()));
        attachments.forEach(a -> userIds.add(a.by()));
        Map<Long, UserSummary> names = users.findUsers(userIds);

        List<LineView> lineViews = pricing.views(c.getLines().stream().map(ContractLine::priced).toList());
        String signatory = null;
        if (c.getCustomerSignatoryId() != null) {
            ContactRef contact = customers.contactsById(c.getCustomerId(), List.of(c.getCustomerSignatoryId()))
                    .get(c.getCustomerSignatoryId());
            signatory = contact == null ? null : contact.name();
        }
        BigDecimal received = payments.stream().map(p -> p.payment().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean mayDecide = c.getApprovalState() == ApprovalState.SUBMITTED
                && approval.refusalToDecide(c.getSubmittedById(), viewer) == null;
        return new ContractDetails(c.getId(), c.getTitle(), c.getCustomerId(), customer.name(), c.getStatus(),
                c.getType(), c.getPaymentMethod(), c.getSignDate(), c.getServiceStart(), c.getServiceEnd(), signatory,
                c.getOurSignatoryId() == null ? null : displayName(names, c.getOurSignatoryId()), c.getNextFollowUpAt(),
                c.getRemarks(), c.getTotal(), received, c.getApprovalState(),
                c.getSubmittedById() == null ? null : displayName(names, c.getSubmittedById()), c.getSubmittedAt(),
                displayName(names, c.getOwnerId()), displayName(names, c.getCreatedById()), c.getCreatedAt(),
                c.getUpdatedAt(), c.getVersion(), mayDecide, lineViews, plan,
                payments.stream().map(p -> withRecorder(p.payment(), displayName(names, p.recordedById()))).toList(),
                decisions.stream().map(d -> new ContractDetails.Decision(d.decision(), d.comment(),
                        displayName(names, d.by()), d.at())).toList(),
                attachments.stream().map(a -> new ContractDetails.Attachment(a.a().id(), a.a().displayName(),
                        a.a().mediaType(), a.a().sizeBytes(), displayName(names, a.by()), a.a().uploadedAt())).toList());
    }

    private static ContractDetails.Payment withRecorder(ContractDetails.Payment p, String name) {
        return new ContractDetails.Payment(p.id(), p.paidOn(), p.amount(), p.method(), p.instalmentId(),
                p.instalmentDueDate(), p.remarks(), name, p.recordedAt());
    }
}
