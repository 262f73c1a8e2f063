package io.tidecrm.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
        String label = label(e);
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

    /**
     * Records the entries (an import's batch of new customers) as {@link #record} does, in one
     * statement, rolling up again once per day and board that is rolled up already.
     */
    @Transactional
    void recordAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        record Inserted(String board, LocalDate day) {
        }
        List<Inserted> inserted = jdbc.sql("""
                INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind,
                                        record_id, label, source, occurred_at, recorded_at)
                SELECT e.board, e.user_id, e.team_id, e.day, e.value, e.customer_id, e.kind, e.record_id, e.label,
                       e.source, e.occurred, :now
                FROM unnest(CAST(:boards AS varchar[]), CAST(:users AS bigint[]), CAST(:teams AS bigint[]),
                            CAST(:days AS date[]), CAST(:values AS numeric[]), CAST(:customers AS bigint[]),
                            CAST(:kinds AS varchar[]), CAST(:records AS bigint[]), CAST(:labels AS varchar[]),
                            CAST(:sources AS varchar[]), CAST(:occurred AS timestamptz[]))
                     AS e (board, user_id, team_id, day, value, customer_id, kind, record_id, label, source, occurred)
                ON CONFLICT (board, source) DO NOTHING
                RETURNING board, business_date
                """)
                // As text, cast in the statement: the driver binds arrays of text with nulls in them.
                .param("boards", texts(entries, e -> e.board().name()))
                .param("users", texts(entries, LedgerEntry::userId))
                .param("teams", texts(entries, LedgerEntry::teamId))
                .param("days", texts(entries, LedgerEntry::businessDate))
                .param("values", texts(entries, e -> e.value().toPlainString()))
                .param("customers", texts(entries, LedgerEntry::customerId))
                .param("kinds", texts(entries, e -> e.board().recordKind()))
                .param("records", texts(entries, LedgerEntry::recordId))
                .param("labels", texts(entries, BoardLedger::label))
                .param("sources", texts(entries, LedgerEntry::source))
                .param("occurred", texts(entries, LedgerEntry::occurredAt))
                .param("now", now)
                .query((rs, n) -> new Inserted(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
        LocalDate rolledThrough = inserted.isEmpty() ? null : rollup.rolledThrough();
        inserted.stream().distinct().filter(i -> rolledThrough != null && !i.day().isAfter(rolledThrough))
                .forEach(i -> rollup.roll(i.day(), i.day(), Board.valueOf(i.board())));
    }

    private static String[] texts(List<LedgerEntry> entries, java.util.function.Function<LedgerEntry, Object> value) {
        return entries.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    private static String label(LedgerEntry e) {
        return e.label() == null ? null : e.label().length() > 200 ? e.label().substring(0, 200) : e.label();
    }

    /**
     * Takes an entry back: the opposite value under {@code source}, on the entry's own day (a fact
     * that turned out never to have happened, such as a customer of an undone import, unlike a
     * contract sent back, which is withdrawn on the day of the edit). Nothing when there is no such
     * entry or it was taken back already.
     */
    @Transactional
    void withdraw(Board board, String entrySource, String source) {
        List<LocalDate> days = jdbc.sql("""
                INSERT INTO board_fact (board, user_id, team_id, business_date, value, customer_id, record_kind,
                                        record_id, label, source, occurred_at, recorded_at)
                SELECT board, user_id, team_id, business_date, -value, customer_id, record_kind, record_id, label,
                       :source, occurred_at, :now
                FROM board_fact WHERE board = :board AND source = :entry
                ON CONFLICT (board, source) DO NOTHING
                RETURNING business_date
                """)
                .param("board", board.name()).param("entry", entrySource).param("source", source)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(LocalDate.class).list();
        LocalDate rolledThrough = rollup.rolledThrough();
        for (LocalDate day : days) {
            if (rolledThrough != null && !day.isAfter(rolledThrough)) {
                rollup.roll(day, day, board);
            }
        }
    }
}
