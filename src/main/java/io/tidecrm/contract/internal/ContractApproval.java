package io.tidecrm.contract.internal;

import static io.tidecrm.contract.internal.ContractService.blankToNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractRejected;
import io.tidecrm.contract.ContractSentBack;
import io.tidecrm.contract.ContractSubmitted;
import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval state machine: submitting, deciding (by conditional updates on state and version,
 * so that of two decisions at the same moment exactly one takes effect), who may decide, and
 * sending a contract whose money terms changed after approval back for approval. Approving marks
 * the customer won, in the same transaction.
 */
@Service
@Transactional
class ContractApproval {

    static final int MAX_COMMENT = 500;

    private final ContractService access;
    private final JdbcClient jdbc;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractApproval(ContractService access, JdbcClient jdbc, CustomerManagement customers, UserManagement users,
            ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Submits a draft or a rejected contract, from the version the viewer saw. */
    void submit(long id, Long version, CurrentUser viewer) {
        Contract contract = access.loadVisible(id, viewer);
        if (!contract.getApprovalState().isSubmittable()) {
            throw new RuleViolation(null, "contract.approval.notSubmittable");
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
            throw new RuleViolation(null, "contract.stale");
        }
        publishSubmitted(id, contract.getTitle(), contract.getCustomerId(), viewer, now);
    }

    /**
     * Approves or rejects a submitted contract, from the version the approver saw. The state
     * changes by a conditional update on the state and the version: of two decisions at the same
     * moment the database lets exactly one through, and the other is told that it came too late.
     */
    void decide(long id, DecisionForm form, CurrentUser viewer) {
        Contract contract = access.loadVisible(id, viewer);
        if (contract.getApprovalState() != ApprovalState.SUBMITTED) {
            throw new RuleViolation(null, "contract.approval.notSubmitted");
        }
        String refusal = refusalToDecide(contract.getSubmittedById(), viewer);
        if (refusal != null) {
            throw new RuleViolation(null, refusal);
        }
        String comment = blankToNull(form.comment());
        if (form.decision() == Decision.REJECTED && comment == null) {
            throw new RuleViolation("comment", "contract.approval.commentRequired");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new RuleViolation("comment", "contract.approval.commentTooLong", MAX_COMMENT);
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
            throw new RuleViolation(null, "contract.approval.tooLate");
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
        Long ownerTeamId = teamOf(contract.getOwnerId());
        LocalDate businessDate = LocalDate.ofInstant(now, clock.getZone());
        events.publishEvent(decision == Decision.APPROVED
                ? new ContractApproved(contract.getId(), contract.getTitle(), customer.id(), customer.name(),
                        contract.getOwnerId(), ownerTeamId, contract.getSubmittedById(), approver.id(),
                        contract.getTotal(), comment, now, businessDate)
                : new ContractRejected(contract.getId(), contract.getTitle(), customer.id(), customer.name(),
                        contract.getOwnerId(), ownerTeamId, contract.getSubmittedById(), approver.id(),
                        contract.getTotal(), comment, now, businessDate));
    }

    private Long teamOf(long userId) {
        return users.findUser(userId).map(UserSummary::teamId).orElse(null);
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

    /** Tells the approvers: the submitter's managers, or the administrators when there are none. */
    void publishSubmitted(long id, String title, long customerId, CurrentUser submitter, Instant now) {
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
                teamOf(terms.ownerId()), submitter.id(), submitter.displayName(), Set.copyOf(approvers), now));
    }

    /**
     * An approved contract went back for approval because its money terms changed: the amount it
     * was approved with no longer holds.
     *
     * @param approvedAmount the total it was approved with, or null when the edit left the total as it is
     */
    void publishSentBack(long id, BigDecimal approvedAmount, CurrentUser editor, Instant now) {
        record Sent(String title, long customerId, long ownerId, BigDecimal total) {
        }
        Sent sent = jdbc.sql("SELECT title, customer_id, owner_id, total FROM contract WHERE id = ?").param(id)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .single();
        events.publishEvent(new ContractSentBack(id, sent.title(), sent.customerId(), sent.ownerId(),
                teamOf(sent.ownerId()), approvedAmount == null ? sent.total() : approvedAmount, sent.total(),
                editor.id(), now, LocalDate.ofInstant(now, clock.getZone())));
    }

    /**
     * The plan changed: an approved contract goes back for approval, asked by the editor; any
     * other gets a new version, so that an approver who saw the old plan is told it changed.
     */
    void moneyTermsChanged(long id, CurrentUser viewer, Instant now) {
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
}
