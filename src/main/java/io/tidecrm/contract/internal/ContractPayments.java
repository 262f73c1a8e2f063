package io.tidecrm.contract.internal;

import static io.tidecrm.contract.internal.ContractService.blankToNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment plan and the payments received. Every change is checked under a lock on the
 * contract row ({@link #lock}), so that concurrent changes never plan or receive more than the
 * total; a change of the plan is a change of the money terms ({@link
 * ContractApproval#moneyTermsChanged}).
 */
@Service
@Transactional
class ContractPayments {

    private final ContractService access;
    private final JdbcClient jdbc;
    private final ContractApproval approval;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractPayments(ContractService access, JdbcClient jdbc, ContractApproval approval, UserManagement users,
            ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.approval = approval;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The contract's money under a row lock, so that concurrent changes are checked one after the other. */
    record Money(ApprovalState state, BigDecimal total, BigDecimal planned, BigDecimal received) {
    }

    /** Locks the contract row until the end of the caller's transaction and reads its money. */
    Money lock(long id) {
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
        access.requireVisible(id, viewer);
        Money money = lock(id);
        if (money.planned().add(form.amount()).compareTo(money.total()) > 0) {
            throw new RuleViolation("amount", "contract.plan.exceedsTotal",
                    money.total().subtract(money.planned()));
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO contract_instalment (contract_id, due_date, amount, created_at) VALUES (?, ?, ?, ?)")
                .params(id, Date.valueOf(form.dueDate()), form.amount(), Timestamp.from(now))
                .update();
        approval.moneyTermsChanged(id, viewer, now);
    }

    void removeInstalment(long id, long instalmentId, CurrentUser viewer) {
        access.requireVisible(id, viewer);
        lock(id);
        boolean paid = jdbc.sql("SELECT EXISTS (SELECT 1 FROM contract_payment WHERE instalment_id = ?)")
                .param(instalmentId).query(Boolean.class).single();
        if (paid) {
            throw new RuleViolation(null, "contract.plan.hasPayments");
        }
        int deleted = jdbc.sql("DELETE FROM contract_instalment WHERE id = ? AND contract_id = ?")
                .params(instalmentId, id).update();
        if (deleted == 0) {
            throw new ContractNotFoundException();
        }
        approval.moneyTermsChanged(id, viewer, clock.instant());
    }

    /**
     * Records a payment received against an approved contract, optionally against one of its
     * instalments. Under the contract's row lock: the payments never add up to more than the
     * total, nor those of an instalment to more than the instalment.
     */
    void recordPayment(long id, PaymentForm form, CurrentUser viewer) {
        access.requireVisible(id, viewer);
        Money money = lock(id);
        if (money.state() != ApprovalState.APPROVED) {
            throw new RuleViolation(null, "contract.payment.notApproved");
        }
        BigDecimal left = money.total().subtract(money.received());
        if (form.amount().compareTo(left) > 0) {
            throw new RuleViolation("amount", "contract.payment.exceedsTotal", left);
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
                    .orElseThrow(() -> new RuleViolation("instalmentId", "contract.payment.instalment.invalid"));
            BigDecimal instalmentLeft = due.amount().subtract(due.paid());
            if (form.amount().compareTo(instalmentLeft) > 0) {
                throw new RuleViolation("amount", "contract.payment.exceedsInstalment", instalmentLeft);
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
}
