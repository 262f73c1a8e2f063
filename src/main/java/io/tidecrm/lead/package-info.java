/**
 * Lead (线索): leads (a company and a person who may buy, not yet a customer) with their states,
 * duplicate check and follow-ups; the ordered assignment rules with the reps' daily capacities,
 * the daily assignment run and its dry run; the one-hour confirmation clock counted in the service
 * module's working calendar; the invalid-lead review; the lead pool; the public website form; the
 * conversion into a customer and contact, and optionally an opportunity at S2 (through the customer module's intake, which publishes
 * "customer obtained" with kind CONVERTED), after which the lead's follow-ups show on the
 * customer's timeline; and the lead reports. A lead is visible to its owner, the owner's managers
 * and administrators; the lead pool (unassigned leads) to everyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lead",
        allowedDependencies = { "customer", "followup", "identity", "sales", "service", "support" })
package io.tidecrm.lead;
