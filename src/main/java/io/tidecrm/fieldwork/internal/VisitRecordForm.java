package io.tidecrm.fieldwork.internal;

import java.time.LocalDateTime;
import java.util.List;

import io.tidecrm.support.Label;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The visit record, field for field the seed's template (客户拜访记录表): purpose, what was
 * discussed, the customer's objections (异议), our commitments (承诺事项, each with its due date),
 * next steps and the next visit.
 */
@Label("visit.record")
public record VisitRecordForm(
        @NotBlank @Size(max = 500) String purpose,
        @NotBlank @Size(max = 1000) String discussion,
        @Size(max = 600) String objections,
        @Size(max = 600) String nextSteps,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextVisitAt,
        @Valid @Size(max = MAX_COMMITMENTS) List<CommitmentForm> commitments) {

    /** Rows of commitments the form offers. */
    static final int MAX_COMMITMENTS = 3;

    static VisitRecordForm of(String purpose) {
        return new VisitRecordForm(purpose, "", "", "", null,
                java.util.Collections.nCopies(MAX_COMMITMENTS, CommitmentForm.blank()));
    }

    /** The rows that were filled in, with their index on the form. */
    List<java.util.Map.Entry<Integer, CommitmentForm>> filledCommitments() {
        List<java.util.Map.Entry<Integer, CommitmentForm>> filled = new java.util.ArrayList<>();
        for (int i = 0; commitments != null && i < commitments.size(); i++) {
            if (commitments.get(i) != null && !commitments.get(i).isBlank()) {
                filled.add(java.util.Map.entry(i, commitments.get(i)));
            }
        }
        return filled;
    }
}
