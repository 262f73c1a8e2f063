/**
 * Reports: the daily leaderboard (数据大榜), sales targets, the role home pages and the sales
 * reports. Its read model is a ledger of dated facts ({@code board_fact}) fed after commit by
 * the facts the other modules publish (payments, approvals, new and grabbed customers,
 * follow-ups, visits, opportunities), credited to the owner and team at the time and never changed
 * afterwards, with daily and monthly rollups written by a Quartz job just after midnight. It
 * owns {@code board_fact}, {@code board_daily}, {@code board_monthly}, {@code board_rollup_day},
 * {@code report_job_run} and {@code sales_target}, and reads no other module's tables: names of
 * users and teams come from identity's API, the viewer's customer scope from customer's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = { "customer", "followup", "sales", "contract", "fieldwork", "lead", "audit", "events", "identity", "support" })
package io.tidecrm.report;
