package io.tidecrm.lead.internal;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.support.Label;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The conversion form: the customer (prefilled from the lead; region, industry and source carry
 * over) and its contact; or, when the company is already a customer the user may see, that
 * customer to attach the lead to ({@code attachTo}).
 */
@Label("lead.convert")
record ConversionForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 18) String creditCode,
        @NotNull CustomerType type,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @NotNull CustomerSource customerSource,
        @Size(max = 100) String referrer,
        @NotBlank @Size(max = 50) String contactName,
        @Size(max = 100) String contactTitle,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "{lead.mobile.invalid}") String mobile,
        @Email @Size(max = 100) String email,
        @Size(max = 100) String wechatId,
        Long attachTo,
        @Size(max = 200) String opportunityTitle,
        @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 12, fraction = 2)
        java.math.BigDecimal opportunityAmount,
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        java.time.LocalDate opportunityCloseDate,
        Long version) {

    static ConversionForm of(Lead l) {
        CustomerSource source = l.source() == LeadSource.REFERRAL ? CustomerSource.CUSTOMER_REFERRAL : CustomerSource.OTHER;
        String referrer = l.source() == LeadSource.REFERRAL ? nz(l.sourceDetail()) : "";
        return new ConversionForm(l.companyName(), nz(l.creditCode()), CustomerType.B, nz(l.region()),
                nz(l.industry()), source, referrer, l.contactName(), nz(l.title()), nz(l.mobile()), nz(l.email()),
                nz(l.wechatId()), null, "", null, null, l.version());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
