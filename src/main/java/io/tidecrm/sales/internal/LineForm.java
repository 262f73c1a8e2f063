package io.tidecrm.sales.internal;

import io.tidecrm.support.Label;
import java.math.BigDecimal;

import io.tidecrm.catalog.LineInput;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/**
 * One product line as the form sends it. An empty unit price takes the catalog's; an empty
 * discount is none. There is no total here: the server computes it.
 */
@Label("opportunity.line")
public record LineForm(
        @Label("opportunity.line.product") Long productId,
        @DecimalMin(value = "0", inclusive = false, message = "{opportunity.line.quantity.positive}")
        @Digits(integer = 10, fraction = 2) BigDecimal quantity,
        @DecimalMin(value = "0", message = "{opportunity.line.unitPrice.negative}")
        @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
        @DecimalMin(value = "0", message = "{opportunity.line.discount.range}")
        @DecimalMax(value = "100", message = "{opportunity.line.discount.range}")
        @Digits(integer = 3, fraction = 2) BigDecimal discount) implements LineInput {

    static LineForm of(OpportunityLine line) {
        return new LineForm(line.productId(), line.quantity(), line.unitPrice(), line.discountPercent());
    }
}
