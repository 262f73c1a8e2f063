/**
 * Customer: customers and their contacts, ownership and owner history, the per-type
 * ownership caps, the duplicate check and the visibility rules (own / team / all) that every
 * read of a customer goes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer",
        allowedDependencies = { "identity", "support" })
package io.tidecrm.customer;
