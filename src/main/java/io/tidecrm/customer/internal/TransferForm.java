package io.tidecrm.customer.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TransferForm(@NotNull Long targetUserId, @NotBlank @Size(max = 500) String reason) {

    static TransferForm empty() {
        return new TransferForm(null, "");
    }
}
