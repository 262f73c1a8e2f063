/**
 * The global search of the navigation bar: customers, contacts, opportunities and contracts by
 * name, mobile, e-mail or unified social credit code. It owns no table: each module answers for
 * its own records, inside the viewer's scope, through its small search API
 * ({@code CustomerSearch}, {@code OpportunitySearch}, {@code ContractSearch}), and this module
 * groups the hits by kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
        allowedDependencies = { "customer", "sales", "contract", "identity", "support" })
package io.tidecrm.search;
