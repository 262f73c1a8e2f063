package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One contract in a list, the approval queue or on the customer page. */
public record ContractRow(long id, String title, long customerId, String customerName, ContractStatus status,
        ApprovalState approvalState, BigDecimal total, BigDecimal received, LocalDate signDate, long ownerId,
        String ownerName, Long submittedById, String submittedByName, long version) {

    ContractRow withNames(String owner, String submitter) {
        return new ContractRow(id, title, customerId, customerName, status, approvalState, total, received, signDate,
                ownerId, owner, submittedById, submitter, version);
    }
}
