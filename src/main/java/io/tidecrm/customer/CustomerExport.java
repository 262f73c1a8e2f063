package io.tidecrm.customer;

import io.tidecrm.support.ExportSink;

/**
 * Customers and contacts streamed for an administrator's export (integration module), every
 * customer regardless of scope (the caller checks that the user is an administrator).
 */
public interface CustomerExport {

    /** Customers created in the period, by id; answers the row count. */
    long customers(ExportSink.Period period, ExportSink sink);

    /** Contacts created in the period, by id, with their customer's name; answers the row count. */
    long contacts(ExportSink.Period period, ExportSink sink);
}
