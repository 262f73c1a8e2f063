package io.tidecrm.catalog;

import java.math.BigDecimal;

/** A priced line as pages show it: the product by name and unit, even when it has been disabled since. */
public record LineView(String productLabel, String unit, boolean productEnabled, BigDecimal quantity,
        BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal lineTotal) {
}
