package io.tidecrm.lead;

import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;

/** Figures of the leads for the sales reports, computed in one statement inside the viewer's lead scope. */
public interface LeadStatistics {

    /**
     * The leads of one source that arrived in the period and what became of them so far.
     *
     * @param source the source code (WEBSITE, TRADE_SHOW, …)
     */
    record SourceRow(String source, long leads, long converted, long invalid) {

        /** Converted ÷ arrived, in whole percent; null when none arrived. */
        public Integer conversionPercent() {
            return leads == 0 ? null : (int) Math.round(100.0 * converted / leads);
        }
    }

    /**
     * The leads that arrived on the business days of the range, by source (every source listed,
     * zeros included, in the form's order): a rep's own, a manager's teams', all for an
     * administrator; unassigned leads count only for an administrator.
     */
    List<SourceRow> bySource(CurrentUser viewer, LocalDate from, LocalDate to);
}
