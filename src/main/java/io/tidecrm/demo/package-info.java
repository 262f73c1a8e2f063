/**
 * Demo: the demo data of a developer's copy (never in the prod profile), seeded before the web
 * server takes requests. It owns no table: each module seeds its own tables through a small demo
 * API of its own, and this module calls them in the order of their dependencies, handing each the
 * records the earlier ones returned (the demo users, the customers with their story, the lines
 * of each deal, the pool warnings, the follow-ups that named a colleague, the approval steps); the leaderboard is built last from
 * the facts the others' records stand for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "identity", "customer",
        "followup", "pool", "catalog", "sales", "contract", "fieldwork", "notification", "service", "report", "integration",
        "support" })
package io.tidecrm.demo;
