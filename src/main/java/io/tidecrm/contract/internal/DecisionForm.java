package io.tidecrm.contract.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's decision on the version of the contract they saw; a rejection needs a comment. */
public record DecisionForm(@NotNull Decision decision, @Size(max = 500) String comment, Long version) {
}
