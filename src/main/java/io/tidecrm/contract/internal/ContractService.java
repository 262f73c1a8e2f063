package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tidecrm.catalog.LinePricing;
import io.tidecrm.catalog.LineView;
import io.tidecrm.catalog.ProductSummary;
import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractRejected;
import io.tidecrm.contract.ContractSentBack;
import io.tidecrm.contract.ContractSubmitted;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.ContactRef;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts and their rules: visibility through the customer's scope, server-computed totals,
 * the approval state machine (decided by conditional updates, so that of two decisions at the
 * same moment exactly one takes effect), the payment plan and payments received (checked under a
 * lock on the contract row, so that concurrent payments never exceed the total). Creating a
 * contract counts as following up its customer; approving one marks the customer won; both in
 * the same transaction.
 */
@Service
@Transactional
class ContractService {

    static final int MAX_COMMENT = 500;

    private final ContractRepository contracts;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final LinePricing pricing;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractService(ContractRepository contracts, JdbcClient jdbc, CustomerManagement customers,
            LinePricing pricing, UserManagement users, ApplicationEventPublisher events, Clock clock) {
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.customers = customers;
        this.pricing = pricing;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the viewer may see the contract: its customer is in their scope. */
    boolean isVisible(long id, CurrentUser viewer) {
        CustomerScope scope = customers.scopeCondition("c", viewer);
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM contract k JOIN customer c ON c.id = k.customer_id
                               WHERE k.id = :id AND %s)
                """.formatted(scope.condition()))
                .param("id", id)
                .params(scope.params())
                .query(Boolean.class)
                .single();
    }

    /** Answers 404 unless the viewer may see the contract. */
    void requireVisible(long id, CurrentUser viewer) {
        if (!isVisible(id, viewer)) {
            throw new ContractNotFoundException();
        }
    }

    /** Loads a contract whose customer the viewer may see, or answers 404. */
    Contract loadVisible(long id, CurrentUser viewer) {
        requireVisible(id, viewer);
        return contracts.findById(id).orElseThrow(ContractNotFoundException::new);
    }

    // --- create and edit

    long create(long customerId, ContractForm form, CurrentUser viewer) {
        CustomerRef customer = customers.findVisible(customerId, viewer);
        if (customer.ownerId() == null) {
            throw new ContractRuleException(null, "contract.customer.inPool");
        }
        Priced priced = price(form, Map.of());
        checkTerms(customerId, form);
        Instant now = clock.instant();
        Contract contract = new Contract(customerId, customer.ownerId(), viewer.id(), now);
        contract.applyTerms(form, nextFollowUp(form), blankToNull(form.remarks()));
        contract.applyLines(priced.lines(), priced.total(), now);
        contracts.saveAndFlush(contract);
        customers.recordActivity(customerId, viewer, now);
        return contract.getId();
    }

    /**
     * Saves the edit from the version the viewer saw. When the money terms of an approved
     * contract change, it goes back for approval, asked by the editor. The total never falls
     * below the plan or what was received.
     */
    void update(long id, ContractForm form, CurrentUser viewer) {
        requireVisible(id, viewer);
        Money money = lock(id);
        Contract contract = contracts.findById(id).orElseThrow(ContractNotFoundException::new);
        if (form.version() == null || form.version() != contract.getVersion()) {
            throw new ContractRuleException(null, "contract.stale");
        }
        Map<Long, Long> linesPerProduct = contract.getLines().stream()
                .collect(Collectors.groupingBy(ContractLine::productId, Collectors.counting()));
        Priced priced = price(form, linesPerProduct);
        checkTerms(contract.getCustomerId(), form);
        if (priced.total().compareTo(money.planned()) < 0) {
            throw new ContractRuleException(null, "contract.total.belowPlan", money.planned());
        }
        if (priced.total().compareTo(money.received()) < 0) {
            throw new ContractRuleException(null, "contract.total.belowReceived", money.received());
        }
        boolean moneyChanged = !contract.getLines().equals(priced.lines())
                || contract.getTotal().compareTo(priced.total()) != 0;
        Instant now = clock.instant();
        contract.applyTerms(form, nextFollowUp(form), blankToNull(form.remarks()));
        contract.applyLines(priced.lines(), priced.total(), now);
        boolean resubmitted = moneyChanged && contract.getApprovalState() == ApprovalState.APPROVED;
        if (resubmitted) {
            contract.resubmit(viewer.id(), now);
        }
        try {
            contracts.saveAndFlush(contract);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ContractRuleException(null, "contract.stale");
        }
        if (resubmitted) {
            publishSubmitted(contract.getId(), contract.getTitle(), contract.getCustomerId(), viewer, now);
            publishSentBack(contract.getId(), money.total(), viewer, now);
        }
    }

    private void checkTerms(long customerId, ContractForm form) {
        ContractRuleException.Collector refused = new ContractRuleException.Collector();
        if (form.serviceStart() != null && form.serviceEnd() != null && form.serviceEnd().isBefore(form.serviceStart())) {
            refused.add("serviceEnd", "contract.serviceEnd.beforeStart");
        }
        if (form.customerSignatoryId() != null
                && customers.contactsById(customerId, List.of(form.customerSignatoryId())).isEmpty()) {
            refused.add("customerSignatoryId", "contract.customerSignatory.invalid");
        }
        if (form.ourSignatoryId() != null
                && !users.findUser(form.ourSignatoryId()).map(UserSummary::enabled).orElse(false)) {
            refused.add("ourSignatoryId", "contract.ourSignatory.invalid");
        }
        refused.throwIfAny();
    }

    private Instant nextFollowUp(ContractForm form) {
        return form.nextFollowUpAt() == null ? null : form.nextFollowUpAt().atZone(clock.getZone()).toInstant();
    }

    private record Priced(List<ContractLine> lines, BigDecimal total) {
    }

    /**
     * The lines and total from the form, priced by the catalog whatever the client sent (see
     * {@link LinePricing}): the total is the sum of the line totals, and a contract has at least
     * one line.
     */
    private Priced price(ContractForm form, Map<Long, Long> linesPerProductBefore) {
        LinePricing.Priced priced = pricing.price(form.rows(), linesPerProductBefore);
        ContractRuleException.Collector refused = new ContractRuleException.Collector();
        priced.refusals().forEach(r -> refused.add(r.field(), "contract." + r.problem().key(), r.args()));
        if (!priced.anyRow()) {
            refused.add(null, "contract.lines.required");
        }
        refused.throwIfAny();
        return new Priced(priced.lines().stream().map(ContractLine::of).toList(), priced.total());
    }

    // --- approval

    /** Submits a draft or a rejected contract, from the version the viewer saw. */
    void submit(long id, Long version, CurrentUser viewer) {
        Contract contract = loadVisible(id, viewer);
        if (!contract.getApprovalState().isSubmittable()) {
            throw new ContractRuleException(null, "contract.approval.notSubmittable");
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE contract SET approval_state = 'SUBMITTED', submitted_by_id = :me, submitted_at = :now,
                                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND approval_state IN ('DRAFT', 'REJECTED')
                """)
                .param("me", viewer.id())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("version", version == null ? -1 : version)
                .update();
        if (updated == 0) {
            throw new ContractRuleException(null, "contract.stale");
        }
        publishSubmitted(id, contract.getTitle(), contract.getCustomerId(), viewer, now);
    }

    /**
     * Approves or rejects a submitted contract, from the version the approver saw. The state
     * changes by a conditional update on the state and the version: of two decisions at the same
     * moment the database lets exactly one through, and the other is told that it came too late.
     */
    void decide(long id, DecisionForm form, CurrentUser viewer) {
        Contract contract = loadVisible(id, viewer);
        if (contract.getApprovalState() != ApprovalState.SUBMITTED) {
            throw new ContractRuleException(null, "contract.approval.notSubmitted");
        }
        String refusal = refusalToDecide(contract.getSubmittedById(), viewer);
        if (refusal != null) {
            throw new ContractRuleException(null, refusal);
        }
        String comment = blankToNull(form.comment());
        if (form.decision() == Decision.REJECTED && comment == null) {
            throw new ContractRuleException("comment", "contract.approval.commentRequired");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ContractRuleException("comment", "contract.approval.commentTooLong", MAX_COMMENT);
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE contract SET approval_state = :to, updated_at = :now, version = version + 1
                WHERE id = :id AND approval_state = 'SUBMITTED' AND version = :version
                """)
                .param("to", form.decision().name())
                .param("now", Timestamp.from(now))
                .param("id", id)
                .param("version", form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            throw new ContractRuleException(null, "contract.approval.tooLate");
        }
        jdbc.sql("""
                INSERT INTO contract_decision (contract_id, decision, comment, decided_by_id, decided_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(id, form.decision().name(), comment, viewer.id(), Timestamp.from(now))
                .update();
        if (form.decision() == Decision.APPROVED) {
            // In the decision's transaction, not after it: the customer of an approved contract is
            // never reclaimed into the pool, not even between the approval and a listener.
            customers.markWon(contract.getCustomerId(), now);
        }
        CustomerRef customer = customers.findVisible(contract.getCustomerId(), viewer);
        publishDecided(contract, customer, form.decision(), comment, viewer, now);
    }

    /**
     * The decision as a fact, with the amount and the owner and their team at this moment (the
     * leaderboard credits an approval to them on its business date).
     */
    private void publishDecided(Contract contract, CustomerRef customer, Decision decision, String comment,
            CurrentUser approver, Instant now) {
        Long ownerTeamId = users.findUser(contract.getOwnerId()).map(UserSummary::teamId).orElse(null);
        LocalDate businessDate = LocalDate.ofInstant(now, clock.getZone());
        events.publishEvent(decision == Decision.APPROVED
                ? new ContractApproved(contract.getId(), contract.getTitle(), customer.id(), customer.name(),
                        contract.getOwnerId(), ownerTeamId, contract.getSubmittedById(), approver.id(),
                        contract.getTotal(), comment, now, businessDate)
                : new ContractRejected(contract.getId(), contract.getTitle(), customer.id(), customer.name(),
                        contract.getOwnerId(), ownerTeamId, contract.getSubmittedById(), approver.id(),
                        contract.getTotal(), comment, now, businessDate));
    }

    /**
     * Why the viewer may not decide on a contract that this user submitted, or null when they
     * may: nobody decides on their own submission (not even an administrator); an administrator
     * decides on any other; a manager on those of the members of the teams they lead.
     */
    String refusalToDecide(Long submitterId, CurrentUser viewer) {
        if (submitterId == null || submitterId == viewer.id()) {
            return "contract.approval.ownContract";
        }
        return switch (viewer.role()) {
            case ADMIN -> null;
            case MANAGER -> users.managersOf(submitterId).contains(viewer.id()) ? null : "contract.approval.notYourTeam";
            case REP -> "contract.approval.repCannot";
        };
    }

    private void publishSubmitted(long id, String title, long customerId, CurrentUser submitter, Instant now) {
        Set<Long> approvers = new HashSet<>(users.managersOf(submitter.id()));
        approvers.remove(submitter.id());
        if (approvers.isEmpty()) {
            approvers.addAll(users.enabledAdminIds());
            approvers.remove(submitter.id());
        }
        String customerName = customers.findVisible(customerId, submitter).name();
        record Terms(BigDecimal total, long ownerId) {
        }
        Terms terms = jdbc.sql("SELECT total, owner_id FROM contract WHERE id = ?").param(id)
                .query((rs, n) -> new Terms(rs.getBigDecimal(1), rs.getLong(2))).single();
        events.publishEvent(new ContractSubmitted(id, title, customerId, customerName, terms.total(), terms.ownerId(),
                users.findUser(terms.ownerId()).map(UserSummary::teamId).orElse(null), submitter.id(),
                submitter.displayName(), Set.copyOf(approvers), now));
    }

    /**
     * An approved contract went back for approval because its money terms changed: the amount it
     * was approved with no longer holds.
     *
     * @param approvedAmount the total it was approved with, or null when the edit left the total as it is
     */
    private void publishSentBack(long id, BigDecimal approvedAmount, CurrentUser editor, Instant now) {
        record Sent(String title, long customerId, long ownerId, BigDecimal total) {
        }
        Sent sent = jdbc.sql("SELECT title, customer_id, owner_id, total FROM contract WHERE id = ?").param(id)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .single();
        events.publishEvent(new ContractSentBack(id, sent.title(), sent.customerId(), sent.ownerId(),
                users.findUser(sent.ownerId()).map(UserSummary::teamId).orElse(null),
                approvedAmount == null ? sent.total() : approvedAmount, sent.total(), editor.id(), now,
                LocalDate.ofInstant(now, clock.getZone())));
    }

    // --- payment plan and payments received

    /** The contract's money under a row lock, so that concurrent changes are checked one after the other. */
    private record Money(ApprovalState state, BigDecimal total, BigDecimal planned, BigDecimal received) {
    }

    private Money lock(long id) {
        // First the lock, then the sums in a statement of their own: under READ COMMITTED a
        // statement that waited for the lock would still see the sums of its older snapshot.
        String state = jdbc.sql("SELECT approval_state FROM contract WHERE id = ? FOR UPDATE")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(ContractNotFoundException::new);
        return jdbc.sql("""
                SELECT k.total,
                       (SELECT coalesce(sum(i.amount), 0) FROM contract_instalment i WHERE i.contract_id = k.id) AS planned,
                       (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p WHERE p.contract_id = k.id) AS received
                FROM contract k WHERE k.id = ?
                """)
                .param(id)
                .query((rs, n) -> new Money(ApprovalState.valueOf(state), rs.getBigDecimal("total"),
                        rs.getBigDecimal("planned"), rs.getBigDecimal("received")))
                .single();
    }

    void addInstalment(long id, InstalmentForm form, CurrentUser viewer) {
        requireVisible(id, viewer);
        Money money = lock(id);
        if (money.planned().add(form.amount()).compareTo(money.total()) > 0) {
            throw new ContractRuleException("amount", "contract.plan.exceedsTotal",
                    money.total().subtract(money.planned()));
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO contract_instalment (contract_id, due_date, amount, created_at) VALUES (?, ?, ?, ?)")
                .params(id, Date.valueOf(form.dueDate()), form.amount(), Timestamp.from(now))
                .update();
        moneyTermsChanged(id, viewer, now);
    }

    void removeInstalment(long id, long instalmentId, CurrentUser viewer) {
        requireVisible(id, viewer);
        lock(id);
        boolean paid = jdbc.sql("SELECT EXISTS (SELECT 1 FROM contract_payment WHERE instalment_id = ?)")
                .param(instalmentId).query(Boolean.class).single();
        if (paid) {
            throw new ContractRuleException(null, "contract.plan.hasPayments");
        }
        int deleted = jdbc.sql("DELETE FROM contract_instalment WHERE id = ? AND contract_id = ?")
                .params(instalmentId, id).update();
        if (deleted == 0) {
            throw new ContractNotFoundException();
        }
        moneyTermsChanged(id, viewer, clock.instant());
    }

    /**
     * The plan changed: an approved contract goes back for approval, asked by the editor; any
     * other gets a new version, so that an approver who saw the old plan is told it changed.
     */
    private void moneyTermsChanged(long id, CurrentUser viewer, Instant now) {
        int resubmitted = jdbc.sql("""
                UPDATE contract SET approval_state = 'SUBMITTED', submitted_by_id = :me, submitted_at = :now,
                                    updated_at = :now, version = version + 1
                WHERE id = :id AND approval_state = 'APPROVED'
                """)
                .param("me", viewer.id()).param("now", Timestamp.from(now)).param("id", id)
                .update();
        if (resubmitted == 0) {
            jdbc.sql("UPDATE contract SET updated_at = :now, version = version + 1 WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("id", id)
                    .update();
            return;
        }
        record Head(String title, long customerId) {
        }
        Head head = jdbc.sql("SELECT title, customer_id FROM contract WHERE id = ?").param(id)
                .query((rs, n) -> new Head(rs.getString("title"), rs.getLong("customer_id"))).single();
        publishSubmitted(id, head.title(), head.customerId(), viewer, now);
        publishSentBack(id, null, viewer, now);
    }

    /**
     * Records a payment received against an approved contract, optionally against one of its
     * instalments. Under the contract's row lock: the payments never add up to more than the
     * total, nor those of an instalment to more than the instalment.
     */
    void recordPayment(long id, PaymentForm form, CurrentUser viewer) {
        requireVisible(id, viewer);
        Money money = lock(id);
        if (money.state() != ApprovalState.APPROVED) {
            throw new ContractRuleException(null, "contract.payment.notApproved");
        }
        BigDecimal left = money.total().subtract(money.received());
        if (form.amount().compareTo(left) > 0) {
            throw new ContractRuleException("amount", "contract.payment.exceedsTotal", left);
        }
        if (form.instalmentId() != null) {
            record Due(BigDecimal amount, BigDecimal paid) {
            }
            Due due = jdbc.sql("""
                    SELECT i.amount, (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p
                                      WHERE p.instalment_id = i.id) AS paid
                    FROM contract_instalment i WHERE i.id = ? AND i.contract_id = ?
                    """)
                    .params(form.instalmentId(), id)
                    .query((rs, n) -> new Due(rs.getBigDecimal("amount"), rs.getBigDecimal("paid")))
                    .optional()
                    .orElseThrow(() -> new ContractRuleException("instalmentId", "contract.payment.instalment.invalid"));
            BigDecimal instalmentLeft = due.amount().subtract(due.paid());
            if (form.amount().compareTo(instalmentLeft) > 0) {
                throw new ContractRuleException("amount", "contract.payment.exceedsInstalment", instalmentLeft);
            }
        }
        Instant now = clock.instant();
        long paymentId = jdbc.sql("""
                INSERT INTO contract_payment (contract_id, instalment_id, paid_on, amount, method, remarks,
                                              recorded_by_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """)
                .params(id, form.instalmentId(), Date.valueOf(form.paidOn()), form.amount(), form.method().name(),
                        blankToNull(form.remarks()), viewer.id(), Timestamp.from(now))
                .query(Long.class)
                .single();
        publishPaymentRecorded(id, paymentId, form, viewer, now);
    }

    /** The payment as a fact, credited to the contract's owner and their team at the moment of entry. */
    private void publishPaymentRecorded(long id, long paymentId, PaymentForm form, CurrentUser recorder, Instant now) {
        record Owner(long customerId, long ownerId) {
        }
        Owner owner = jdbc.sql("SELECT customer_id, owner_id FROM contract WHERE id = ?").param(id)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2))).single();
        events.publishEvent(new PaymentRecorded(paymentId, id, owner.customerId(), owner.ownerId(),
                users.findUser(owner.ownerId()).map(UserSummary::teamId).orElse(null), form.amount(), form.paidOn(),
                form.instalmentId(), recorder.id(), now, LocalDate.ofInstant(now, clock.getZone())));
    }

    // --- reads

    @Transactional(readOnly = true)
    ContractForm formOf(long id, CurrentUser viewer) {
        Contract c = loadVisible(id, viewer);
        return new ContractForm(c.getTitle(), c.getStatus(), c.getType(), c.getPaymentMethod(), c.getSignDate(),
                c.getServiceStart(), c.getServiceEnd(), c.getCustomerSignatoryId(), c.getOurSignatoryId(),
                c.getNextFollowUpAt() == null ? null
                        : c.getNextFollowUpAt().atZone(clock.getZone()).toLocalDateTime(),
                c.getRemarks() == null ? "" : c.getRemarks(),
                c.getLines().stream().map(ContractLineForm::of).toList(), c.getVersion());
    }

    /** The customer a contract belongs to, read through the viewer's scope. */
    @Transactional(readOnly = true)
    CustomerRef customerOf(long id, CurrentUser viewer) {
        return customers.findVisible(loadVisible(id, viewer).getCustomerId(), viewer);
    }

    @Transactional(readOnly = true)
    ContractDetails details(long id, CurrentUser viewer) {
        Contract c = loadVisible(id, viewer);
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
                && refusalToDecide(c.getSubmittedById(), viewer) == null;
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

    /**
     * The products a line may name: the enabled ones, and on an existing contract also those of
     * its lines that were disabled since (they stay on the lines that had them).
     */
    @Transactional(readOnly = true)
    List<ProductSummary> productChoices(Long contractId, CurrentUser viewer) {
        return pricing.choices(contractId == null ? List.of()
                : loadVisible(contractId, viewer).getLines().stream().map(ContractLine::productId).toList());
    }

    /** Who may sign for us: the enabled users who are not administrators. */
    @Transactional(readOnly = true)
    List<UserSummary> signatoryChoices() {
        return users.findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN).toList();
    }

    static String displayName(Map<Long, UserSummary> names, long id) {
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
