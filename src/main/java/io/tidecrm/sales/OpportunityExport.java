package io.tidecrm.sales;

import io.tidecrm.support.ExportSink;

/** Opportunities streamed for an administrator's export (integration module), all of them. */
public interface OpportunityExport {

    /** Opportunities created in the period, by id; answers the row count. */
    long opportunities(ExportSink.Period period, ExportSink sink);
}
