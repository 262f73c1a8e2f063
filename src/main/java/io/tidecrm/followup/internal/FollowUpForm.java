package io.tidecrm.followup.internal;

import io.tidecrm.support.Label;
import java.time.LocalDateTime;
import java.util.List;

import io.tidecrm.customer.CustomerStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

@Label("followup")
public record FollowUpForm(
        @NotNull FollowUpKind kind,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
        @NotBlank @Size(max = 4000) String content,
        @Label("followup.contact") Long contactId,
        CustomerStatus newStatus,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Label("customer.nextFollowUpAt") LocalDateTime nextFollowUpAt,
        @Label("followup.clearNext") Boolean clearNextFollowUp,
        @Size(max = 20) @Label("followup.notify") List<Long> notifyUserIds) {

    static FollowUpForm empty(LocalDateTime now) {
        return new FollowUpForm(FollowUpKind.PHONE, now, "", null, null, null, false, List.of());
    }

    /** The follow-up is about this subject of the customer (an opportunity or a contract), or none. */
    record About(String type, long id, String label) {
    }
}
