package io.tidecrm.fieldwork.internal;

import java.time.LocalDate;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One commitment (承诺事项) made on a visit, with its owner (责任人: the writer when not chosen, or a
 * member of the writer's team or its manager); a row left blank is no commitment.
 */
@Label("commitment")
public record CommitmentForm(
        @Size(max = 200) String content,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
        Long ownerId) {

    boolean isBlank() {
        return (content == null || content.isBlank()) && dueDate == null;
    }

    static CommitmentForm blank() {
        return new CommitmentForm("", null, null);
    }
}
