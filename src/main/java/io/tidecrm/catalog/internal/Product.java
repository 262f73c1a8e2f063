package io.tidecrm.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tidecrm.catalog.ProductSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A product of the catalog. Forms never bind to it: {@link ProductAdministration} applies a {@link ProductForm}. */
@Entity
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String category;

    private BigDecimal unitPrice;

    private String unit;

    private String description;

    private boolean enabled = true;

    @Version
    private long version;

    @Column(updatable = false)
    private Instant createdAt;

    protected Product() {
    }

    Product(Instant createdAt) {
        this.createdAt = createdAt;
    }

    ProductSummary toSummary() {
        return new ProductSummary(id, name, category, unitPrice, unit, description, enabled);
    }

    /**
     * The audited facts under their rule names ({@code name}, {@code unitPrice}, ...), as the
     * audit log shows them; compared before and after an edit.
     */
    Map<String, String> auditedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("category", category);
        values.put("name", name);
        values.put("unitPrice", unitPrice == null ? null : unitPrice.toPlainString());
        values.put("unit", unit);
        values.put("description", description);
        values.put("enabled", String.valueOf(enabled));
        return values;
    }

    void apply(ProductForm form) {
        name = form.name().strip();
        category = form.category().strip();
        unitPrice = form.unitPrice().setScale(2);
        unit = form.unit().strip();
        description = form.description() == null || form.description().isBlank() ? null : form.description().strip();
        enabled = form.isEnabled();
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getCategory() {
        return category;
    }

    BigDecimal getUnitPrice() {
        return unitPrice;
    }

    String getUnit() {
        return unit;
    }

    String getDescription() {
        return description;
    }

    boolean isEnabled() {
        return enabled;
    }

    long getVersion() {
        return version;
    }
}
