package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * An opportunity (商机) of a customer. Stage, owner, amount and the close facts change only
 * through {@link OpportunityService}; forms never bind to this class.
 */
@Entity
class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long customerId;

    /** The customer's owner when the opportunity was created. */
    private long ownerId;

    private String title;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    private BigDecimal amount;
    private LocalDate expectedCloseDate;
    private int probability;
    private String nextStep;
    private String lostReason;
    private long createdById;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "opportunity_line", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "position")
    private List<OpportunityLine> lines = new ArrayList<>();

    protected Opportunity() {
    }

    Opportunity(long customerId, long ownerId, Stage stage, long createdById, Instant now) {
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.stage = stage;
        this.createdById = createdById;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Title, dates, probability and next step as the form gives them; lines and amount as computed. */
    void apply(String title, LocalDate expectedCloseDate, int probability, String nextStep, List<OpportunityLine> lines,
            BigDecimal amount, Instant now) {
        this.title = title;
        this.expectedCloseDate = expectedCloseDate;
        this.probability = probability;
        this.nextStep = nextStep;
        this.lines.clear();
        this.lines.addAll(lines);
        this.amount = amount;
        this.updatedAt = now;
    }

    /** Moves to a stage whose move the rules allowed: default probability, close facts. */
    void moveTo(Stage target, String lostReason, Instant now) {
        this.stage = target;
        this.probability = target.defaultProbability();
        this.lostReason = target == Stage.LOST ? lostReason : null;
        this.closedAt = target.isClosed() ? now : null;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    long getCustomerId() {
        return customerId;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getTitle() {
        return title;
    }

    Stage getStage() {
        return stage;
    }

    BigDecimal getAmount() {
        return amount;
    }

    LocalDate getExpectedCloseDate() {
        return expectedCloseDate;
    }

    int getProbability() {
        return probability;
    }

    String getNextStep() {
        return nextStep;
    }

    String getLostReason() {
        return lostReason;
    }

    long getCreatedById() {
        return createdById;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    long getVersion() {
        return version;
    }

    List<OpportunityLine> getLines() {
        return List.copyOf(lines);
    }
}
