package io.tidecrm.customer.internal;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.tidecrm.customer.CustomerExport;
import io.tidecrm.support.ExportCursor;
import io.tidecrm.support.ExportSink;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams customers and contacts from a cursor, in the read-only transaction the cursor needs. */
@Service
@Transactional(readOnly = true)
class CustomerExporter implements CustomerExport {

    private final ExportCursor cursor;

    CustomerExporter(DataSource dataSource, Clock clock) {
        this.cursor = new ExportCursor(dataSource, clock);
    }

    @Override
    public long customers(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT c.id, c.name, c.credit_code, c.type, c.status, c.source, c.referrer, c.region, c.industry,
                       c.staff_size, c.website, c.address, c.tags, c.expected_amount, c.expected_close_date,
                       c.requirements, c.remarks, c.owner_id AS owner, c.pooled_at, c.clock_at, c.last_follow_up_at,
                       c.next_follow_up_at, c.created_at, c.updated_at
                FROM customer c
                WHERE (CAST(:from AS timestamptz) IS NULL OR c.created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR c.created_at < :to)
                ORDER BY c.id
                """, cursor.periodParams(period), Map.of("type", "customer.type.", "status", "customer.status.",
                "source", "customer.source.", "staff_size", "customer.staffSize.", "owner", ExportCursor.USER), sink);
    }

    @Override
    public long contacts(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT k.id, k.customer_id, c.name AS customer_name, k.name AS contact_name, k.gender, k.department, k.title AS job_title,
                       k.mobile, k.wechat_nickname, k.wechat_id, k.email, k.address AS contact_address, k.birthday, k.is_primary,
                       k.remarks AS contact_remarks, k.created_at
                FROM contact k JOIN customer c ON c.id = k.customer_id
                WHERE (CAST(:from AS timestamptz) IS NULL OR k.created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR k.created_at < :to)
                ORDER BY k.id
                """, cursor.periodParams(period), Map.of("gender", "contact.gender."), sink);
    }
}
