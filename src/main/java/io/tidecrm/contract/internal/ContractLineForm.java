package io.tidecrm.contract.internal;

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
@Label("contract.line")
public record ContractLineForm(
        @Label("contract.line.product") Long productId,
        @DecimalMin(value = "0", inclusive = false, message = "{contract.line.quantity.positive}")
        @Digits(integer = 10, fraction = 2, message = "{contract.number.digits}") BigDecimal quantity,
        @DecimalMin(value = "0", message = "{contract.line.unitPrice.negative}")
        @Digits(integer = 12, fraction = 2, message = "{contract.number.digits}") BigDecimal unitPrice,
        @DecimalMin(value = "0", message = "{contract.line.discount.range}")
        @DecimalMax(value = "100", message = "{contract.line.discount.range}")
        @Digits(integer = 3, fraction = 2, message = "{contract.number.digits}") BigDecimal discount)
        implements LineInput {

    static ContractLineForm of(ContractLine line) {
        return new ContractLineForm(line.productId(), line.quantity(), line.unitPrice(), line.discountPercent());
    }
}
