package io.tidecrm.contract.internal;

import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import io.tidecrm.contract.ContractExport;
import io.tidecrm.support.ExportCursor;
import io.tidecrm.support.ExportSink;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams contracts and payments from a cursor, in the read-only transaction the cursor needs. */
@Service
@Transactional(readOnly = true)
class ContractExporter implements ContractExport {

    private final ExportCursor cursor;

    ContractExporter(DataSource dataSource, Clock clock) {
        this.cursor = new ExportCursor(dataSource, clock);
    }

    @Override
    public long contracts(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT k.id, k.customer_id, k.title, k.status, k.type, k.payment_method, k.sign_date,
                       k.service_start, k.service_end, k.total, k.approval_state, k.owner_id AS owner, k.remarks,
                       k.created_at, k.updated_at
                FROM contract k
                WHERE (CAST(:from AS timestamptz) IS NULL OR k.created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR k.created_at < :to)
                ORDER BY k.id
                """, cursor.periodParams(period), Map.of("status", "contract.status.", "type", "contract.type.",
                "payment_method", "contract.paymentMethod.", "approval_state", "contract.approval.",
                "owner", ExportCursor.USER), sink);
    }

    @Override
    public long payments(ExportSink.Period period, ExportSink sink) {
        return cursor.stream("""
                SELECT p.id, p.contract_id, k.title AS contract_title, k.customer_id, p.paid_on, p.amount,
                       p.method, p.remarks, p.recorded_by_id AS recorded_by, p.recorded_at
                FROM contract_payment p JOIN contract k ON k.id = p.contract_id
                WHERE (CAST(:fromDate AS date) IS NULL OR p.paid_on >= :fromDate)
                  AND (CAST(:toDate AS date) IS NULL OR p.paid_on <= :toDate)
                ORDER BY p.id
                """, cursor.periodParams(period), Map.of("method", "contract.paymentMethod.",
                "recorded_by", ExportCursor.USER), sink);
    }
}
