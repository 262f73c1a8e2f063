package io.tidecrm.contract.internal;

import io.tidecrm.support.Label;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A payment received, optionally against an instalment of the plan. */
@Label("contract.payment")
public record PaymentForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
        @NotNull @DecimalMin(value = "0.01", message = "{contract.amount.positive}")
        @Digits(integer = 12, fraction = 2, message = "{contract.number.digits}") BigDecimal amount,
        @NotNull PaymentMethod method,
        @Label("contract.payment.instalment") Long instalmentId,
        @Size(max = 500) String remarks) {
}
