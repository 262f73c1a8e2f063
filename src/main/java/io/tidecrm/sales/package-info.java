/**
 * Sales: opportunities (商机) and the pipeline — stages S1 lead to S6 won/lost of the
 * sales-process policy, product lines priced from the catalog, the kanban board and the
 * weighted forecast. Every read goes through the customer module's visibility scope: an
 * opportunity is visible exactly when its customer is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales",
        allowedDependencies = { "customer", "catalog", "followup", "identity", "support" })
package io.tidecrm.sales;
