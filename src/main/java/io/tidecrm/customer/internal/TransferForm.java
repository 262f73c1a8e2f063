package io.tidecrm.customer.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Label("customer.transfer")
public record TransferForm(@NotNull @Label("customer.transfer.target") Long targetUserId, @NotBlank @Size(max = 500) String reason) {

    static TransferForm empty() {
        return new TransferForm(null, "");
    }
}
