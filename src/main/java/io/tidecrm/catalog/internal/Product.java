package io.tidecrm.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.tidecrm.catalog.ProductSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

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

    @Column(updatable = false, insertable = false)
    private Instant createdAt;

    protected Product() {
    }

    ProductSummary toSummary() {
        return new ProductSummary(id, name, category, unitPrice, unit, description, enabled);
    }
}
