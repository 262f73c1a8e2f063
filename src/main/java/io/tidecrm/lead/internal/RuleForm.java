package io.tidecrm.lead.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An assignment rule as the administrators' form sets it; empty criteria match any lead. */
@Label("lead.rule")
record RuleForm(
        @NotNull @Min(1) @Max(10000) Integer position,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        LeadSource source,
        @NotNull RuleTarget target,
        Long userId,
        Long teamId,
        Boolean onArrival,
        Boolean enabled,
        Long version) {

    static RuleForm empty(int position) {
        return new RuleForm(position, "", "", "", null, RuleTarget.ROUND_ROBIN, null, null, false, true, null);
    }
}
