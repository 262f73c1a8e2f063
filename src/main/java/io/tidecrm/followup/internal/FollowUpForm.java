package io.tidecrm.followup.internal;

import java.time.LocalDateTime;
import java.util.List;

import io.tidecrm.customer.CustomerStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

public record FollowUpForm(
        @NotNull FollowUpKind kind,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
        @NotBlank @Size(max = 4000) String content,
        Long contactId,
        CustomerStatus newStatus,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextFollowUpAt,
        @Size(max = 20) List<Long> notifyUserIds) {

    static FollowUpForm empty(LocalDateTime now) {
        return new FollowUpForm(FollowUpKind.PHONE, now, "", null, null, null, List.of());
    }

    /** The follow-up is about this subject of the customer (an opportunity or a contract), or none. */
    record About(String type, long id, String label) {
    }
}
