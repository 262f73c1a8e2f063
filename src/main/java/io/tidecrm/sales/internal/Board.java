package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The kanban board: one column per stage, open opportunities and those closed recently.
 *
 * @param owner the owner filter of a manager or administrator, or null
 */
public record Board(List<Column> columns, Long owner) {

    /** The card of this opportunity, or null when the board does not show it. */
    public OpportunityRow card(long id) {
        return columns.stream().flatMap(c -> c.cards().stream()).filter(r -> r.id() == id).findFirst().orElse(null);
    }

    /**
     * @param count how many opportunities are in the stage (the column may show fewer)
     * @param total their amount
     */
    public record Column(Stage stage, List<OpportunityRow> cards, long count, BigDecimal total) {
    }
}
