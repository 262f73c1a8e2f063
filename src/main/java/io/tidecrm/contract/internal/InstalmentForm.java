package io.tidecrm.contract.internal;

import io.tidecrm.support.Label;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** A new instalment of the payment plan. */
@Label("contract.plan")
public record InstalmentForm(
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
        @NotNull @DecimalMin(value = "0.01", message = "{contract.amount.positive}")
        @Digits(integer = 12, fraction = 2, message = "{contract.number.digits}") BigDecimal amount) {
}
