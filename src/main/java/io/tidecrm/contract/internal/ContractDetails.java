package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.catalog.LineView;

/**
 * The detail page of a contract, with names resolved and the money summed: total, received,
 * outstanding, and the instalments of the plan with what was paid on each and, when overdue,
 * their age in days (from the application clock).
 */
public record ContractDetails(long id, String title, long customerId, String customerName, ContractStatus status,
        ContractType type, PaymentMethod paymentMethod, LocalDate signDate, LocalDate serviceStart,
        LocalDate serviceEnd, String customerSignatory, String ourSignatory, Instant nextFollowUpAt, String remarks,
        BigDecimal total, BigDecimal received, ApprovalState approvalState, String submittedByName,
        Instant submittedAt, String ownerName, String createdByName, Instant createdAt, Instant updatedAt,
        long version, boolean mayDecide, List<LineView> lines, List<Instalment> plan, List<Payment> payments,
        List<Decision> decisions, List<Attachment> attachments) {

    public BigDecimal outstanding() {
        return total.subtract(received);
    }

    public BigDecimal planned() {
        return plan.stream().map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Instalment> overdue() {
        return plan.stream().filter(Instalment::isOverdue).toList();
    }

    public boolean isApproved() {
        return approvalState == ApprovalState.APPROVED;
    }

    /**
     * An instalment of the plan.
     *
     * @param overdueDays days since the due date while unpaid on an approved contract, else 0
     */
    public record Instalment(long id, LocalDate dueDate, BigDecimal amount, BigDecimal paid, long overdueDays,
            boolean hasPayments) {

        public BigDecimal outstanding() {
            return amount.subtract(paid);
        }

        public boolean isOverdue() {
            return overdueDays > 0;
        }
    }

    public record Payment(long id, LocalDate paidOn, BigDecimal amount, PaymentMethod method, Long instalmentId,
            LocalDate instalmentDueDate, String remarks, String recordedByName, Instant recordedAt) {
    }

    public record Decision(String decision, String comment, String decidedByName, Instant decidedAt) {
    }

    public record Attachment(long id, String displayName, String mediaType, long sizeBytes, String uploadedByName,
            Instant uploadedAt) {
    }
}
