package io.tidecrm.catalog;

import java.math.BigDecimal;

/** A product as other modules and pages show it. Prices are CNY. */
public record ProductSummary(long id, String name, String category, BigDecimal unitPrice, String unit,
        String description, boolean enabled) {

    /** "category · name", how a product is told apart from a namesake in another category. */
    public String label() {
        return category + " · " + name;
    }
}
