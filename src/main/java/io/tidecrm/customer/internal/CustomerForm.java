package io.tidecrm.customer.internal;

import io.tidecrm.support.Label;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** What a user may set on a customer. Owner, clock and pool fields are not here on purpose. */
public record CustomerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 30) String creditCode,
        @NotNull CustomerType type,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @NotNull CustomerSource source,
        @Size(max = 100) String referrer,
        @Size(max = 300) @Pattern(regexp = "|(https?://)?[^\\s<>\"'`]+", message = "{customer.website.invalid}") String website,
        @Size(max = 300) String address,
        StaffSize staffSize,
        @NotNull CustomerStatus status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextFollowUpAt,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal expectedAmount,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
        @Size(max = 4000) String requirements,
        @Size(max = 1000) String extraDiscount,
        @Size(max = 4000) String remarks,
        @Size(max = 400) String tags,
        ServiceCodeStatus jkbServiceCodeStatus,
        @Size(max = 100) @Label("customer.jkbRegistrationName") String jkbRegistrationName,
        Retention jzmhRetention,
        @Size(max = 100) @Label("customer.jzmhRegistrationName") String jzmhRegistrationName,
        @Size(max = 300) @Pattern(regexp = "|https://github\\.com/[A-Za-z0-9_.\\-/]+", message = "{customer.github.invalid}") String wechatyGithubUrl,
        Boolean wechatyContributor,
        Long version) {

    static CustomerForm empty() {
        return new CustomerForm("", "", CustomerType.B, "", "", CustomerSource.SEARCH_ENGINE, "", "", "", null,
                CustomerStatus.FIRST_VISIT, null, null, null, "", "", "", "", null, "", null, "", "", null, null);
    }
}
