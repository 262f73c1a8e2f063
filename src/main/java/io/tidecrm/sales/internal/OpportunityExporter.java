package io.tidecrm.sales.internal;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.tidecrm.sales.OpportunityExport;
import io.tidecrm.support.ExportCursor;
import io.tidecrm.support.ExportSink;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams opportunities from a cursor, in the read-only transaction the cursor needs. */
@Service
@Transactional(readOnly = true)
class OpportunityExporter implements OpportunityExport {

    private final ExportCursor cursor;

    OpportunityExporter(DataSource dataSource, Clock clock) {
        this.cursor = new ExportCursor(dataSource, clock);
    }

    @Override
    public long opportunities(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT o.id, o.customer_id, o.title, o.stage, o.amount, o.expected_close_date, o.probability,
                       o.owner_id AS owner, o.next_step, o.lost_reason, o.created_at, o.updated_at, o.closed_at
                FROM opportunity o
                WHERE (CAST(:from AS timestamptz) IS NULL OR o.created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR o.created_at < :to)
                ORDER BY o.id
                """, cursor.periodParams(period), Map.of("stage", "opportunity.stage.", "owner", ExportCursor.USER),
                sink);
    }
}
