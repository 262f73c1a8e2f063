/**
 * Catalog: the products that opportunities and contracts are made of, with their list
 * price and unit, and how a product line is priced ({@link io.tidecrm.catalog.LinePricing}), the
 * same for every module that stores lines. The initial catalog of SPEC.md is part of the schema migrations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = { "identity", "support" })
package io.tidecrm.catalog;
