package io.tidecrm.service.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The forms of a ticket's page: each action carries the version the user saw. */
final class TicketActionForms {

    private TicketActionForms() {
    }

    /** A comment (internal) or a reply to the customer; both count as following up the customer. */
    @Label("ticket.entry")
    record EntryForm(@NotNull EntryKind kind, @NotBlank @Size(max = 4000) String body) {
    }

    @Label("ticket.resolve")
    record ResolveForm(@NotBlank @Size(max = 4000) String resolution, Long version) {
    }

    /** The customer's satisfaction, 1 (very unhappy) to 5 (very happy), closes a resolved ticket. */
    @Label("ticket.close")
    record CloseForm(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 1000) String remark, Long version) {
    }

    @Label("ticket.reopen")
    record ReopenForm(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    /** A manager hands the ticket to someone else, and says why. */
    @Label("ticket.assign")
    record AssignForm(@NotNull Long ownerId, @NotBlank @Size(max = 500) String reason, Long version) {
    }
}
