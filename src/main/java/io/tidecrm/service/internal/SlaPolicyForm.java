package io.tidecrm.service.internal;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A row of the SLA policy: for a kind, and optionally a priority and a customer type (empty: any),
 * the first-response and resolution times in working hours or working days.
 */
@Label("sla")
record SlaPolicyForm(@NotNull TicketKind kind, TicketPriority priority, CustomerType customerType,
        @NotNull @Min(1) @Max(999) Integer firstResponseAmount, @NotNull SlaUnit firstResponseUnit,
        @NotNull @Min(1) @Max(999) Integer resolutionAmount, @NotNull SlaUnit resolutionUnit) {

    /** Working hours or working days. */
    public enum SlaUnit {
        HOURS, DAYS
    }
}
