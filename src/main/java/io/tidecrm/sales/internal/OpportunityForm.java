package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user may set on an opportunity. The stage is chosen only when it is created (later
 * moves go through the stage rules); the amount counts only when there are no lines, and the
 * probability left empty is the stage's default. Customer, owner and totals are not here on
 * purpose.
 */
public record OpportunityForm(
        @NotBlank @Size(max = 200) String title,
        Stage stage,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
        @Min(0) @Max(100) Integer probability,
        @Size(max = 500) String nextStep,
        @Size(max = OpportunityForm.MAX_LINES) List<@Valid LineForm> lines,
        Long version) {

    static final int MAX_LINES = 20;

    static OpportunityForm empty(LocalDate expectedCloseDate) {
        return new OpportunityForm("", Stage.LEAD, null, expectedCloseDate, null, "", List.of(), null);
    }

    static OpportunityForm of(Opportunity o) {
        return new OpportunityForm(o.getTitle(), o.getStage(), o.getAmount(), o.getExpectedCloseDate(),
                o.getProbability(), o.getNextStep() == null ? "" : o.getNextStep(),
                o.getLines().stream().map(LineForm::of).toList(), o.getVersion());
    }

    /** The submitted rows; a gap in the indexes binds as a null entry. */
    List<LineForm> rows() {
        return lines == null ? List.of() : lines;
    }
}
