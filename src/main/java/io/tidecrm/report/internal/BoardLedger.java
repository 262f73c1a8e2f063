package io.tidecrm.report.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes facts into the ledger. A row is never updated or deleted: a fact delivered again (the
 * event registry delivers at least once) is ignored by its source key. A fact that arrives for a
 * day the rollup has already written (a delivery retried after midnight) rewrites that day's
 * and month's rollup rows of its board, so that the rollups always equal the ledger.
 */
@Component
class BoardLedger {

    private final JdbcClient jdbc;
    private final BoardRollup rollup;
    private final Clock clock;

    BoardLedger(JdbcClient jdbc, BoardRollup rollup, Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.clock = clock;
    }

    /** Records the entry; returns whether it was new. */
    @Transactional
    boolean record(LedgerEntry e) {
        String label = e.label() == null ? null : e.label().length() > 200 ? e.label().substring(0, 200) : e.label();
        int inserted = jdbc.sql("""
                INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind,
                                        record_id, label, source, occurred_at, recorded_at)
                VALUES (:board, :user, :team, :day, :value, :customer, :kind, :record, :label, :source, :occurred, :now)
                ON CONFLICT (board, source) DO NOTHING
                """)
                .param("board", e.board().name()).param("user", e.userId()).param("team", e.teamId())
                .param("day", e.businessDate()).param("value", e.value()).param("customer", e.customerId())
                .param("kind", e.board().recordKind()).param("record", e.recordId()).param("label", label)
                .param("source", e.source()).param("occurred", java.sql.Timestamp.from(e.occurredAt()))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            LocalDate rolledThrough = rollup.rolledThrough();
            if (rolledThrough != null && !e.businessDate().isAfter(rolledThrough)) {
                rollup.roll(e.businessDate(), e.businessDate(), e.board());
            }
        }
        return inserted == 1;
    }
}
