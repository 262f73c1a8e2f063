/**
 * Follow-up: the append-only follow-up records of a customer, the follow-up clock they move,
 * the next follow-up time and the rep's to-do list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
        allowedDependencies = { "customer", "identity", "support" })
package io.tidecrm.followup;
