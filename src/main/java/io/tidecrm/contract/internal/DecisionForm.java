package io.tidecrm.contract.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's decision on the version of the contract they saw; a rejection needs a comment. */
@Label("contract.approval")
public record DecisionForm(@NotNull @Label("contract.approval.decision") Decision decision, @Size(max = 500) String comment, Long version) {
}
