package io.tidecrm.fieldwork.internal;

import java.math.BigDecimal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The week's plan: goals per figure (customers to sign, amount to collect), key tasks per day, help needed. */
@Label("report")
public record WeeklyPlanForm(
        @Min(0) @Max(1000) Integer goalCustomers,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal goalAmount,
        @NotBlank @Size(max = 2000) String keyTasks,
        @Size(max = 1000) String helpNeeded) {
}
