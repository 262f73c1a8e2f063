package io.tidecrm.catalog.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an administrator sets on a product; the price is CNY with at most two decimals. */
public record ProductForm(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 50) String category,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
        @NotBlank @Size(max = 20) String unit,
        @Size(max = 2000) String description,
        Boolean enabled,
        Long version) {

    /** An unchecked box sends nothing (or only Spring's field marker): not enabled. */
    boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    static ProductForm empty() {
        return new ProductForm("", "", null, "", "", true, null);
    }

    static ProductForm of(Product p) {
        return new ProductForm(p.getName(), p.getCategory(), p.getUnitPrice(), p.getUnit(),
                p.getDescription() == null ? "" : p.getDescription(), p.isEnabled(), p.getVersion());
    }
}
