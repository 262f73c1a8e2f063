package io.tidecrm.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.PricedLine;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The contracts of the demo data of a developer's copy (never in the prod profile): an approved
 * contract for every won customer (approved when the customer was won, with its payment plan and
 * the payments received, some instalments overdue), and drafts, contracts waiting for approval and
 * rejected ones for customers in negotiation.
 */
public interface ContractDemoData {

    /**
     * Writes the contracts in the caller's transaction and returns the approval steps, for the
     * inbox.
     *
     * @param dealLines the lines each customer agreed to (from its opportunity), by customer id
     */
    List<ApprovalStep> seed(List<DemoCustomers.Customer> customers, Map<Long, List<PricedLine>> dealLines,
            DemoUsers.Staff staff);

    /** A contract was submitted (to {@code approverId}) or decided (by {@code approverId}). */
    record ApprovalStep(long contractId, String title, long customerId, String customerName, long submitterId,
            long approverId, Kind kind, String comment, Instant at) {
    }

    enum Kind {
        SUBMITTED, APPROVED, REJECTED
    }
}
