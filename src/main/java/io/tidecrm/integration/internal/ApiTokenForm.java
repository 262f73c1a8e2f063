package io.tidecrm.integration.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new access token: its name, what it may do, and for how many days it lasts. */
@Label("apiToken")
record ApiTokenForm(@NotBlank @Size(max = 60) @Label("apiToken.name") String name,
        @NotNull @Label("apiToken.scope") TokenScope scope,
        @NotNull @Min(1) @Max(365) @Label("apiToken.days") Integer days) {

    static ApiTokenForm empty() {
        return new ApiTokenForm("", TokenScope.READ, 90);
    }
}
