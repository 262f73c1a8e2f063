package io.tidecrm.contract.internal;

import io.tidecrm.support.Label;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a user may set on a contract. Customer, owner, total, line totals and the approval are
 * not here on purpose: the total is computed from the lines, the approval has its own actions.
 */
public record ContractForm(
        @NotBlank @Size(max = 200) String title,
        @NotNull ContractStatus status,
        @NotNull ContractType type,
        @NotNull PaymentMethod paymentMethod,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceEnd,
        @Label("contract.customerSignatory") Long customerSignatoryId,
        @Label("contract.ourSignatory") Long ourSignatoryId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextFollowUpAt,
        @Size(max = 2000) String remarks,
        @Size(max = ContractForm.MAX_LINES) List<@Valid ContractLineForm> lines,
        Long version) {

    static final int MAX_LINES = 20;

    static ContractForm empty(LocalDate today, long ourSignatoryId) {
        return new ContractForm("", ContractStatus.NOT_STARTED, ContractType.DIRECT, PaymentMethod.BANK_TRANSFER, today,
                null, null, null, ourSignatoryId, null, "", List.of(), null);
    }

    /** The submitted rows; a gap in the indexes binds as a null entry. */
    List<ContractLineForm> rows() {
        return lines == null ? List.of() : lines;
    }
}
