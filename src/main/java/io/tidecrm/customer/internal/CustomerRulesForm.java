package io.tidecrm.customer.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Label("rules")
public record CustomerRulesForm(@NotNull @Min(0) @Max(100000) Integer capA, @NotNull @Min(0) @Max(100000) Integer capB,
        @NotNull @Min(0) @Max(100000) Integer capC, Boolean countWon, Long version) {

    static CustomerRulesForm of(CustomerRules rules) {
        return new CustomerRulesForm(rules.capA(), rules.capB(), rules.capC(), rules.countWon(), rules.version());
    }

    CustomerRules toRules() {
        return new CustomerRules(capA, capB, capC, Boolean.TRUE.equals(countWon), version == null ? -1 : version);
    }
}
