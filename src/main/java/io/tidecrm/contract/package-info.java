/**
 * Contract: contracts (合同) with product lines priced from the catalog, the manager approval
 * (draft → submitted → approved or rejected → resubmitted), the payment plan, payments received
 * (回款) with the overdue ageing, and attachments. Every read goes through the customer module's
 * visibility scope: a contract is visible exactly when its customer is. An approval marks the
 * customer won in the same transaction. Its facts, published after each change for the inbox, the audit log
 * and read models: {@link io.tidecrm.contract.ContractSubmitted}, {@link io.tidecrm.contract.ContractApproved},
 * {@link io.tidecrm.contract.ContractRejected}, {@link io.tidecrm.contract.ContractSentBack} and
 * {@link io.tidecrm.contract.PaymentRecorded}, each with the amount and the owner and team at the time.
 * Renewals (续约): the contracts whose service ends soon, and one renewal opportunity per contract,
 * created through the sales module's {@link io.tidecrm.sales.OpportunityIntake}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contract",
        allowedDependencies = { "customer", "catalog", "followup", "identity", "sales", "support" })
package io.tidecrm.contract;
