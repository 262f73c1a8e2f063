package io.tidecrm.fieldwork.internal;

import java.time.LocalDateTime;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The visit record, field for field the seed's template (客户拜访记录表): purpose, what was
 * discussed, the customer's objections (异议), next steps and the next visit.
 */
@Label("visit.record")
public record VisitRecordForm(
        @NotBlank @Size(max = 500) String purpose,
        @NotBlank @Size(max = 1000) String discussion,
        @Size(max = 600) String objections,
        @Size(max = 600) String nextSteps,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextVisitAt) {

    static VisitRecordForm of(String purpose) {
        return new VisitRecordForm(purpose, "", "", "", null);
    }
}
