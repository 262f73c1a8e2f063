package io.tidecrm.pool.internal;

import io.tidecrm.support.Label;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the pool pages. */
final class PoolForms {

    private PoolForms() {
    }

    /** The reasons offered when releasing a customer; "other" takes free text. */
    enum ReleaseReason {
        NO_CONTACT, NO_NEED, CHOSE_COMPETITOR, NO_BUDGET, OTHER
    }

    @Label("pool.release")
    public record ReleaseForm(@Label("pool.reason") ReleaseReason reason, @Size(max = 400) String text) {

        static ReleaseForm empty() {
            return new ReleaseForm(null, "");
        }

        /** Stored as "#CODE" for a listed reason (rendered in the reader's language) or the free text. */
        String stored() {
            if (reason == null) {
                return null;
            }
            String free = text == null ? "" : text.strip();
            return reason == ReleaseReason.OTHER ? (free.isEmpty() ? null : free) : "#" + reason.name();
        }
    }

    @Label("pool.rules")
    public record RulesForm(
            Boolean enabled,
            @Min(1) @Max(3650) Integer uniformDays,
            @NotNull @Min(1) @Max(3650) Integer daysA,
            @NotNull @Min(1) @Max(3650) Integer daysB,
            @NotNull @Min(1) @Max(3650) Integer daysC,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime reclaimTime,
            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime warningTime,
            @NotNull @Min(0) @Max(30) Integer warningLeadDays,
            Boolean grabBackEnabled,
            @NotNull @Min(0) @Max(3650) Integer grabBackDays,
            @Min(1) @Max(1000) Integer dailyGrabLimit,
            Boolean copyManagers,
            Long version) {

        static RulesForm of(PoolRules r) {
            return new RulesForm(r.enabled(), r.uniformDays(), r.daysA(), r.daysB(), r.daysC(), r.reclaimTime(),
                    r.warningTime(), r.warningLeadDays(), r.grabBackEnabled(), r.grabBackDays(), r.dailyGrabLimit(),
                    r.copyManagers(), r.version());
        }

        PoolRules toRules(PoolRules current) {
            return new PoolRules(Boolean.TRUE.equals(enabled), current.enabledAt(), uniformDays, daysA, daysB, daysC,
                    reclaimTime, warningTime, warningLeadDays, Boolean.TRUE.equals(grabBackEnabled), grabBackDays,
                    dailyGrabLimit, Boolean.TRUE.equals(copyManagers), version == null ? -1 : version);
        }
    }
}
