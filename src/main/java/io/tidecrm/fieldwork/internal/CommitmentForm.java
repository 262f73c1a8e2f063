package io.tidecrm.fieldwork.internal;

import java.time.LocalDate;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** One commitment (承诺事项) made on a visit; a row left blank is no commitment. */
@Label("commitment")
public record CommitmentForm(
        @Size(max = 200) String content,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {

    boolean isBlank() {
        return (content == null || content.isBlank()) && dueDate == null;
    }

    static CommitmentForm blank() {
        return new CommitmentForm("", null);
    }
}
