package io.tidecrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/**
 * Figures of the pipeline for the sales reports, each computed in one statement inside the
 * viewer's customer scope.
 */
public interface PipelineStatistics {

    /**
     * @param stage the stage code (S1 LEAD … S5 NEGOTIATION)
     * @param weighted Σ amount × probability / 100
     */
    record StageRow(String stage, long opportunities, BigDecimal amount, BigDecimal weighted) {
    }

    /**
     * @param reason the lost reason as typed (trimmed), or null for the won ones
     */
    record OutcomeRow(String outcome, String reason, long opportunities, BigDecimal amount) {
    }

    /** The open pipeline by stage, in stage order, every open stage listed (zeros included). */
    List<StageRow> openByStage(CurrentUser viewer);

    /**
     * The opportunities closed on the business days of the range: one row for the won ones
     * (outcome WON, reason null), then the lost ones grouped by reason, most frequent first.
     */
    List<OutcomeRow> closed(CurrentUser viewer, LocalDate from, LocalDate to);
}
