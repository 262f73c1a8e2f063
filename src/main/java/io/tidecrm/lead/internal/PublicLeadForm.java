package io.tidecrm.lead.internal;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a visitor of the company website sends: strictly the fields of the form, every one bounded.
 * {@code website} is the honeypot: a hidden field that people leave empty and form-filling robots fill.
 */
@Label("lead")
record PublicLeadForm(
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Size(max = 50) String contactName,
        @Size(max = 100) String title,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "{lead.mobile.invalid}") String mobile,
        @Email @Size(max = 100) String email,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @Size(max = 1000) String purchaseIntent,
        @Size(max = 200) String sourceDetail,
        @Size(max = 200) String website) {

    static PublicLeadForm empty() {
        return new PublicLeadForm("", "", "", "", "", "", "", "", "", "");
    }

    boolean isRobot() {
        return website != null && !website.isBlank();
    }

    boolean hasWayToReach() {
        return (mobile != null && !mobile.isBlank()) || (email != null && !email.isBlank());
    }

    LeadForm toLeadForm() {
        return new LeadForm(companyName, "", contactName, title, mobile, email, "", region, industry, LeadSource.WEBSITE,
                sourceDetail, purchaseIntent, "", "", "", "", "", "", java.util.List.of(), "", "", null);
    }
}
