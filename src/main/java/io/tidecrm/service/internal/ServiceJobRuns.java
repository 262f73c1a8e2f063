package io.tidecrm.service.internal;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of the service module's job runs ({@code service_job_run}): one run per job and
 * scheduled time, so that a run that finished is not repeated and a rerun changes nothing.
 */
@Component
class ServiceJobRuns {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String node;

    ServiceJobRuns(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.node = nodeName();
    }

    /** Records the start of a run; null when this run already finished. */
    Long start(String job, Instant scheduledAt, boolean manual) {
        return tx.execute(s -> jdbc.sql("""
                INSERT INTO service_job_run (job, scheduled_at, started_at, status, manual, node)
                VALUES (:job, :scheduled, :now, 'RUNNING', :manual, :node)
                ON CONFLICT (job, scheduled_at) DO UPDATE
                    SET started_at = EXCLUDED.started_at, status = 'RUNNING', node = EXCLUDED.node
                    WHERE service_job_run.status <> 'DONE'
                RETURNING id
                """)
                .param("job", job)
                .param("scheduled", Timestamp.from(scheduledAt))
                .param("now", Timestamp.from(clock.instant()))
                .param("manual", manual)
                .param("node", node)
                .query(Long.class)
                .optional()
                .orElse(null));
    }

    void finish(long runId, String status, int affected, int batches, String message) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                UPDATE service_job_run SET finished_at = ?, status = ?, affected = ?, batches = ?, message = ?
                WHERE id = ?
                """)
                .params(Timestamp.from(clock.instant()), status, affected, batches,
                        message == null ? null : message.substring(0, Math.min(1000, message.length())), runId)
                .update());
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node/" + ProcessHandle.current().pid();
        }
    }
}
