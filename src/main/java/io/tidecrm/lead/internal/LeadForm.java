package io.tidecrm.lead.internal;

import java.util.List;
import java.util.Set;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user may set on a lead. Owner, state, rule, clock and conversion are not here on purpose:
 * they change only through the lead's actions. {@code unverified} names the fields marked 待核实.
 */
@Label("lead")
record LeadForm(
        @NotBlank @Size(max = 200) String companyName,
        @Size(max = 18) String creditCode,
        @NotBlank @Size(max = 50) String contactName,
        @Size(max = 100) String title,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "{lead.mobile.invalid}") String mobile,
        @Email @Size(max = 100) String email,
        @Size(max = 100) String wechatId,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @NotNull LeadSource source,
        @Size(max = 200) String sourceDetail,
        @Size(max = 1000) String purchaseIntent,
        @Size(max = 200) String budget,
        @Size(max = 200) String purchaseTimeline,
        @Size(max = 2000) String painPoints,
        @Size(max = 100) String companySize,
        @Size(max = 50) String founded,
        @Size(max = 500) String mainBusiness,
        @Size(max = 20) List<String> unverified,
        @Size(max = 400) String tags,
        @Size(max = 4000) String remarks,
        Long version) {

    /** The fields that may be marked 待核实. */
    static final List<String> VERIFIABLE = List.of("title", "mobile", "email", "region", "industry", "budget",
            "purchaseTimeline", "companySize", "founded", "mainBusiness");

    static LeadForm empty() {
        return new LeadForm("", "", "", "", "", "", "", "", "", LeadSource.OTHER, "", "", "", "", "", "", "", "",
                List.of(), "", "", null);
    }

    static LeadForm of(Lead l) {
        return new LeadForm(l.companyName(), nz(l.creditCode()), l.contactName(), nz(l.title()), nz(l.mobile()),
                nz(l.email()), nz(l.wechatId()), nz(l.region()), nz(l.industry()), l.source(), nz(l.sourceDetail()),
                nz(l.purchaseIntent()), nz(l.budget()), nz(l.purchaseTimeline()), nz(l.painPoints()),
                nz(l.companySize()), nz(l.founded()), nz(l.mainBusiness()), l.unverified(), String.join(", ", l.tags()),
                nz(l.remarks()), l.version());
    }

    /** The marked fields that may be marked, without repeats. */
    List<String> unverifiedFields() {
        if (unverified == null) {
            return List.of();
        }
        Set<String> allowed = Set.copyOf(VERIFIABLE);
        return unverified.stream().filter(allowed::contains).distinct().toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
