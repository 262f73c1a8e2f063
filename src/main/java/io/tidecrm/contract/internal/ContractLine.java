package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Embeddable;

/**
 * A product line of a contract. The line total is always computed here, on the server:
 * quantity × unit price × (1 − discount / 100), rounded half-up to the fen.
 */
@Embeddable
record ContractLine(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal lineTotal) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ContractLine of(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal factor = HUNDRED.subtract(discountPercent).divide(HUNDRED);
        BigDecimal total = quantity.multiply(unitPrice).multiply(factor).setScale(2, RoundingMode.HALF_UP);
        return new ContractLine(productId, quantity.setScale(2, RoundingMode.HALF_UP),
                unitPrice.setScale(2, RoundingMode.HALF_UP), discountPercent.setScale(2, RoundingMode.HALF_UP), total);
    }
}
