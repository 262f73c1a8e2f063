package io.tidecrm.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product line with its total computed on the server: quantity × unit price × (1 − discount
 * / 100), rounded half-up to the fen. Quantity, unit price and discount are kept to two decimals,
 * as the line tables of the modules that store lines hold them.
 */
public record PricedLine(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal lineTotal) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Prices a line; the total is computed from the values as given, before they are rounded. */
    public static PricedLine of(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal factor = HUNDRED.subtract(discountPercent).divide(HUNDRED);
        BigDecimal total = quantity.multiply(unitPrice).multiply(factor).setScale(2, RoundingMode.HALF_UP);
        return new PricedLine(productId, quantity.setScale(2, RoundingMode.HALF_UP),
                unitPrice.setScale(2, RoundingMode.HALF_UP), discountPercent.setScale(2, RoundingMode.HALF_UP), total);
    }
}
