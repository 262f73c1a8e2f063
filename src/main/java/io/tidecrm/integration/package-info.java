/**
 * Data in and out: the import of customers with their contacts from Excel or CSV (a dry run, a
 * background run with progress, an error workbook, undo), streamed exports for administrators,
 * the REST API under {@code /api/v1} with personal access tokens, and each user's calendar feed.
 * Every row and every API call goes through the same public services as the pages (validation,
 * duplicate checks, ownership caps, visibility), never around them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration",
        allowedDependencies = { "customer", "followup", "pool", "sales", "contract", "fieldwork", "lead", "audit",
                "identity", "events", "support" })
package io.tidecrm.integration;
