/**
 * Audit: the append-only log of sign-ins, failed sign-ins, ownership changes and rule
 * changes, and the administrators' page that reads it. It listens to the events of identity
 * (through Spring Security's authentication events) and of the other modules; entries of a
 * business change are written in the transaction of the change. The table refuses UPDATE,
 * DELETE and TRUNCATE by trigger, so nobody, the application included, can rewrite history.
 * It depends on customer and contract only for the event records it listens to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = { "identity", "support", "customer", "contract" })
package io.tidecrm.audit;
