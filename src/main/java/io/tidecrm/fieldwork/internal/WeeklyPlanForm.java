package io.tidecrm.fieldwork.internal;

import java.math.BigDecimal;
import java.util.List;

import io.tidecrm.support.Label;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The week's plan: goals per figure (customers to sign, amount to collect), key tasks per day with
 * their expected time ({@code tasks[i]}, each naming its day), help needed.
 */
@Label("report")
public record WeeklyPlanForm(
        @Min(0) @Max(1000) Integer goalCustomers,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal goalAmount,
        @Size(max = WeeklyTasks.MAX_ROWS) List<@Valid WeeklyTaskForm> tasks,
        @Size(max = 1000) String helpNeeded) {

    /** The submitted rows; a gap in the indexes binds as a null entry. */
    List<WeeklyTaskForm> rows() {
        return tasks == null ? List.of() : tasks;
    }
}
