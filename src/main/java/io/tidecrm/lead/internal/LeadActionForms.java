package io.tidecrm.lead.internal;

import java.time.LocalDateTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of a lead's page: each action carries the version the user saw. */
final class LeadActionForms {

    private LeadActionForms() {
    }

    /** 无效: the rep says why (空号, wrong industry). */
    @Label("lead.invalid")
    record InvalidForm(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    /** The manager's review of an invalid mark: close the lead, or give it to someone (or, no one named, by the rules). */
    @Label("lead.review")
    record ReviewForm(@NotNull ReviewDecision decision, Long userId, Long version) {
    }

    enum ReviewDecision {
        CLOSE, REASSIGN
    }

    @Label("lead.close")
    record CloseForm(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    /** A manager or administrator gives the lead to a rep. */
    @Label("lead.assign")
    record AssignForm(@NotNull Long userId, Long version) {
    }

    /** A follow-up on the lead: the same kinds and 24-hour bounds as a customer's. */
    @Label("lead.followUp")
    record FollowUpForm(@NotBlank String kind,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
            @NotBlank @Size(max = 4000) String content,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextContactAt) {
    }
}
