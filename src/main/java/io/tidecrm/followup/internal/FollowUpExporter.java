package io.tidecrm.followup.internal;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.tidecrm.followup.FollowUpExport;
import io.tidecrm.support.ExportCursor;
import io.tidecrm.support.ExportSink;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams follow-ups from a cursor, in the read-only transaction the cursor needs. */
@Service
@Transactional(readOnly = true)
class FollowUpExporter implements FollowUpExport {

    private final ExportCursor cursor;

    FollowUpExporter(DataSource dataSource, Clock clock) {
        this.cursor = new ExportCursor(dataSource, clock);
    }

    @Override
    public long followUps(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT f.id, f.customer_id, f.kind, f.occurred_at, f.author_id AS author, f.content, f.contact_id,
                       f.new_status, f.next_follow_up_at, f.corrects_id, f.recorded_at
                FROM follow_up f
                WHERE (CAST(:from AS timestamptz) IS NULL OR f.occurred_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR f.occurred_at < :to)
                ORDER BY f.id
                """, cursor.periodParams(period), Map.of("kind", "followup.kind.", "new_status", "customer.status.",
                "author", ExportCursor.USER), sink);
    }
}
