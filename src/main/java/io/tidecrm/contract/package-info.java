/**
 * Contract: contracts (合同) with product lines priced from the catalog, the manager approval
 * (draft → submitted → approved or rejected → resubmitted), the payment plan, payments received
 * (回款) with the overdue ageing, and attachments. Every read goes through the customer module's
 * visibility scope: a contract is visible exactly when its customer is. An approval marks the
 * customer won in the same transaction; decisions are published as {@link io.tidecrm.contract.ContractDecided}
 * for the inbox and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contract",
        allowedDependencies = { "customer", "catalog", "followup", "identity", "support" })
package io.tidecrm.contract;
