package io.tidecrm.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The contract facts of the past, rebuilt from the approval decisions and the payments: for a
 * read model built or checked after the facts were published. The owner's team is their team
 * now. An approval carries the contract's amount now: the decisions do not keep the amount
 * of an approval that a later edit sent back, nor the send-back itself.
 */
public interface ContractFactReplay {

    /** Approvals decided on the business days of the range, oldest first. */
    List<ContractApproved> approved(LocalDate from, LocalDate to);

    /** Payments entered on the business days of the range, oldest first. */
    List<PaymentRecorded> payments(LocalDate from, LocalDate to);
}
