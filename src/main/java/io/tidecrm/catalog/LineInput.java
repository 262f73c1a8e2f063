package io.tidecrm.catalog;

import java.math.BigDecimal;

/**
 * One product line as a form sends it, before pricing: any of the values may be missing. An
 * empty unit price takes the catalog's, an empty discount is none; there is no total, the
 * server computes it ({@link LinePricing}). Each module's line form implements this, keeping its
 * own validation messages.
 */
public interface LineInput {

    Long productId();

    BigDecimal quantity();

    BigDecimal unitPrice();

    BigDecimal discount();

    /** A row the user left empty (the forms always offer a few). */
    default boolean isBlank() {
        return productId() == null && quantity() == null && unitPrice() == null && discount() == null;
    }
}
