package io.tidecrm.service.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user may set on a ticket. Owner, status, due times and the resolution are not here on
 * purpose: they change only through the ticket's actions. Kind and priority decide the due times
 * and are set when the ticket is recorded (an edit leaves them as they were).
 */
@Label("ticket")
record TicketForm(
        @NotNull TicketKind kind,
        @NotNull TicketPriority priority,
        @NotNull TicketChannel channel,
        @NotNull TicketCategory category,
        @Label("ticket.contact") Long contactId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        Long version) {

    static TicketForm empty(TicketKind kind) {
        return new TicketForm(kind, TicketPriority.NORMAL, TicketChannel.PHONE, TicketCategory.PRODUCT, null, "", "",
                null);
    }
}
