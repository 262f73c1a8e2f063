package io.tidecrm.sales.internal;

import java.math.BigDecimal;

import io.tidecrm.catalog.PricedLine;
import jakarta.persistence.Embeddable;

/**
 * A product line of an opportunity, as stored in {@code opportunity_line}. It is priced by the
 * catalog's {@link io.tidecrm.catalog.LinePricing}, never by the client.
 */
@Embeddable
record OpportunityLine(long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal lineTotal) {

    static OpportunityLine of(PricedLine line) {
        return new OpportunityLine(line.productId(), line.quantity(), line.unitPrice(), line.discountPercent(),
                line.lineTotal());
    }

    PricedLine priced() {
        return new PricedLine(productId, quantity, unitPrice, discountPercent, lineTotal);
    }
}
