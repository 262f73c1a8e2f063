package io.tidecrm.followup;

import io.tidecrm.support.ExportSink;

/** Follow-ups streamed for an administrator's export (integration module), all of them. */
public interface FollowUpExport {

    /** Follow-ups that happened in the period, by id; answers the row count. */
    long followUps(ExportSink.Period period, ExportSink sink);
}
