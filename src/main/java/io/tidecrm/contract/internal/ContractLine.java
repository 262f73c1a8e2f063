package io.tidecrm.contract.internal;

import java.math.BigDecimal;

import io.tidecrm.catalog.PricedLine;
import jakarta.persistence.Embeddable;

/**
 * A product line of a contract, as stored in {@code contract_line}. It is priced by the
 * catalog's {@link io.tidecrm.catalog.LinePricing}, never by the client.
 */
@Embeddable
record ContractLine(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal lineTotal) {

    static ContractLine of(PricedLine line) {
        return new ContractLine(line.productId(), line.quantity(), line.unitPrice(), line.discountPercent(),
                line.lineTotal());
    }

    PricedLine priced() {
        return new PricedLine(productId, quantity, unitPrice, discountPercent, lineTotal);
    }
}
