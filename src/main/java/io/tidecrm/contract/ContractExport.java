package io.tidecrm.contract;

import io.tidecrm.support.ExportSink;

/** Contracts and payments received, streamed for an administrator's export (integration module). */
public interface ContractExport {

    /** Contracts created in the period, by id; answers the row count. */
    long contracts(ExportSink.Period period, ExportSink sink);

    /** Payments received on days of the period, by id, with their contract; answers the row count. */
    long payments(ExportSink.Period period, ExportSink sink);
}
