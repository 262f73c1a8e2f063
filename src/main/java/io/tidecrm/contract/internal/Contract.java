package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A contract (合同) of a customer. Terms, lines and total change only through
 * {@link ContractEditing}; the approval decisions are conditional SQL updates in
 * {@link ContractApproval}. Forms never bind to this class.
 */
@Entity
class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerId;
    private long ownerId;
    private String title;

    @Enumerated(EnumType.STRING)
    private ContractStatus status;

    @Enumerated(EnumType.STRING)
    private ContractType type;

    @Enumerated(EnumType.STRING)
    private PaymentMethod paymentMethod;

    private LocalDate signDate;
    private LocalDate serviceStart;
    private LocalDate serviceEnd;
    private Long customerSignatoryId;
    private Long ourSignatoryId;
    private Instant nextFollowUpAt;
    private String remarks;
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    private ApprovalState approvalState = ApprovalState.DRAFT;

    private Long submittedById;
    private Instant submittedAt;
    private long createdById;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "contract_line", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<ContractLine> lines = new ArrayList<>();

    protected Contract() {
    }

    Contract(long customerId, long ownerId, long createdById, Instant now) {
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.createdById = createdById;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The terms as the form gives them (checked by the service). */
    void applyTerms(ContractForm form, Instant nextFollowUpAt, String remarks) {
        this.title = form.title().strip();
        this.status = form.status();
        this.type = form.type();
        this.paymentMethod = form.paymentMethod();
        this.signDate = form.signDate();
        this.serviceStart = form.serviceStart();
        this.serviceEnd = form.serviceEnd();
        this.customerSignatoryId = form.customerSignatoryId();
        this.ourSignatoryId = form.ourSignatoryId();
        this.nextFollowUpAt = nextFollowUpAt;
        this.remarks = remarks;
    }

    /** Lines and total as computed on the server. */
    void applyLines(List<ContractLine> lines, BigDecimal total, Instant now) {
        this.lines.clear();
        this.lines.addAll(lines);
        this.total = total;
        this.updatedAt = now;
    }

    /** The money terms of an approved contract changed: it needs a new approval, asked by the editor. */
    void resubmit(long submitterId, Instant now) {
        this.approvalState = ApprovalState.SUBMITTED;
        this.submittedById = submitterId;
        this.submittedAt = now;
    }

    Long getId() {
        return id;
    }

    long getCustomerId() {
        return customerId;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getTitle() {
        return title;
    }

    ContractStatus getStatus() {
        return status;
    }

    ContractType getType() {
        return type;
    }

    PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    LocalDate getSignDate() {
        return signDate;
    }

    LocalDate getServiceStart() {
        return serviceStart;
    }

    LocalDate getServiceEnd() {
        return serviceEnd;
    }

    Long getCustomerSignatoryId() {
        return customerSignatoryId;
    }

    Long getOurSignatoryId() {
        return ourSignatoryId;
    }

    Instant getNextFollowUpAt() {
        return nextFollowUpAt;
    }

    String getRemarks() {
        return remarks;
    }

    BigDecimal getTotal() {
        return total;
    }

    ApprovalState getApprovalState() {
        return approvalState;
    }

    Long getSubmittedById() {
        return submittedById;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    long getCreatedById() {
        return createdById;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }

    List<ContractLine> getLines() {
        return List.copyOf(lines);
    }
}
