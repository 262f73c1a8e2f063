package io.tidecrm.integration.transfer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The integration module's import tables. */
@Repository
@Transactional
class ImportStore {

    static final int PAGE_SIZE = 20;

    private static final String COLUMNS = """
            id, user_id, target, file_name, file_kind, charset, headers, mapping, mode, locale, status, total_rows, processed,
            created_rows, updated_rows, skipped_rows, failed_rows, created_at, started_at, finished_at, undone_at
            """;

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, ImportTarget target, String fileName, Spreadsheets.Kind kind, String charset,
            byte[] content, List<String> headers, String locale, int totalRows, Instant at) {
        return jdbc.sql("""
                INSERT INTO import_job (user_id, target, file_name, file_kind, charset, content, headers, locale, status,
                                        total_rows, created_at)
                VALUES (:user, :target, :name, :kind, :charset, :content, :headers, :locale, 'UPLOADED', :total, :at)
                RETURNING id
                """)
                .param("user", userId).param("target", target.name()).param("name", fileName).param("kind", kind.name()).param("charset", charset)
                .param("content", content).param("headers", headers.toArray(String[]::new)).param("locale", locale)
                .param("total", totalRows).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = :id").param("id", id)
                .query((rs, n) -> job(rs)).optional();
    }

    /** The uploader's imports (an administrator's list: everyone's), newest first. */
    @Transactional(readOnly = true)
    KeysetPage<ImportJob> list(Long userId, String cursor) {
        Long after = KeysetOrder.idOf(cursor);
        return KeysetPage.of(jdbc.sql("SELECT " + COLUMNS + """
                 FROM import_job
                WHERE (CAST(:user AS bigint) IS NULL OR user_id = :user) AND (CAST(:after AS bigint) IS NULL OR id < :after)
                ORDER BY id DESC LIMIT :limit
                """)
                .param("user", userId).param("after", after).param("limit", PAGE_SIZE + 1)
                .query((rs, n) -> job(rs)).list(), PAGE_SIZE, ImportJob::id);
    }

    @Transactional(readOnly = true)
    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM import_job WHERE id = :id").param("id", id).query(byte[].class).single();
    }

    /** Saves the mapping and the mode and queues the dry run, only from a state that allows it. */
    boolean startCheck(long id, List<String> mapping, CustomerImport.Mode mode) {
        return jdbc.sql("""
                UPDATE import_job SET mapping = :mapping, mode = :mode, status = 'CHECKING', processed = 0,
                       created_rows = 0, updated_rows = 0, skipped_rows = 0, failed_rows = 0
                WHERE id = :id AND status IN ('UPLOADED', 'CHECKED')
                """)
                .param("mapping", mapping.toArray(String[]::new)).param("mode", mode.name()).param("id", id)
                .update() == 1;
    }

    boolean startRun(long id, Instant at) {
        return jdbc.sql("""
                UPDATE import_job SET status = 'RUNNING', processed = 0, created_rows = 0, updated_rows = 0,
                       skipped_rows = 0, failed_rows = 0, started_at = :at
                WHERE id = :id AND status = 'CHECKED'
                """).param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    void clearProblems(long id, String phase) {
        jdbc.sql("DELETE FROM import_problem WHERE job_id = :id AND phase = :phase").param("id", id)
                .param("phase", phase).update();
    }

    /** Rows done in the current phase: {@code processed} in all, and the counts to add. */
    void advance(long id, int processed, int created, int updated, int skipped, int failed) {
        jdbc.sql("""
                UPDATE import_job SET processed = :processed, created_rows = created_rows + :created,
                       updated_rows = updated_rows + :updated, skipped_rows = skipped_rows + :skipped,
                       failed_rows = failed_rows + :failed WHERE id = :id
                """).param("processed", processed).param("created", created).param("updated", updated)
                .param("skipped", skipped).param("failed", failed).param("id", id).update();
    }

    /** The dry run's figures so far (it writes no customer, so they are kept in its own transaction). */
    void progress(long id, int processed, int created, int updated, int skipped, int failed) {
        jdbc.sql("""
                UPDATE import_job SET processed = :processed, created_rows = :created, updated_rows = :updated,
                       skipped_rows = :skipped, failed_rows = :failed WHERE id = :id
                """).param("processed", processed).param("created", created).param("updated", updated)
                .param("skipped", skipped).param("failed", failed).param("id", id).update();
    }

    void problem(long id, String phase, int rowNo, String result, String reason) {
        jdbc.sql("""
                INSERT INTO import_problem (job_id, phase, row_no, result, reason) VALUES (:id, :phase, :row, :result, :reason)
                ON CONFLICT (job_id, phase, row_no) DO UPDATE SET result = EXCLUDED.result, reason = EXCLUDED.reason
                """).param("id", id).param("phase", phase).param("row", rowNo).param("result", result)
                .param("reason", clip(reason)).update();
    }

    void finish(long id, ImportJob.Status status, Instant at) {
        jdbc.sql("UPDATE import_job SET status = :status, finished_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    boolean markUndone(long id, Instant at) {
        return jdbc.sql("UPDATE import_job SET status = 'UNDONE', undone_at = :at WHERE id = :id AND status = 'DONE'")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Several rows' problems in one statement. */
    void problems(long id, String phase, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO import_problem (job_id, phase, row_no, result, reason)
                SELECT :id, :phase, p.row_no, p.result, p.reason
                FROM unnest(:rows, :results, :reasons) AS p (row_no, result, reason)
                ON CONFLICT (job_id, phase, row_no) DO UPDATE SET result = EXCLUDED.result, reason = EXCLUDED.reason
                """).param("id", id).param("phase", phase)
                .param("rows", problems.stream().map(Problem::row).toArray(Integer[]::new))
                .param("results", problems.stream().map(Problem::result).toArray(String[]::new))
                .param("reasons", problems.stream().map(p -> clip(p.reason())).toArray(String[]::new))
                .update();
    }

    private static String clip(String reason) {
        return reason.length() > 4000 ? reason.substring(0, 4000) : reason;
    }

    @Transactional(readOnly = true)
    List<Problem> problems(long id, String phase, int limit) {
        return jdbc.sql("""
                SELECT row_no, result, reason FROM import_problem WHERE job_id = :id AND phase = :phase
                ORDER BY row_no LIMIT :limit
                """).param("id", id).param("phase", phase).param("limit", limit)
                .query((rs, n) -> new Problem(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    Map<Integer, String> reasons(long id, String phase) {
        Map<Integer, String> reasons = new HashMap<>();
        jdbc.sql("SELECT row_no, reason FROM import_problem WHERE job_id = :id AND phase = :phase")
                .param("id", id).param("phase", phase)
                .query((rs, n) -> reasons.put(rs.getInt(1), rs.getString(2))).list();
        return reasons;
    }

    record Problem(int row, String result, String reason) {
    }

    // --- what the run wrote

    /** What some rows of the run wrote: the customers (created or not, last version) and the contacts. */
    static final class Written {
        private final Map<Long, Boolean> created = new LinkedHashMap<>();
        private final Map<Long, Long> versions = new HashMap<>();
        private final List<Long> contacts = new ArrayList<>();

        void add(CustomerImport.Outcome outcome) {
            if (outcome.customerId() != null) {
                created.merge(outcome.customerId(), outcome.customerCreated(), Boolean::logicalOr);
                versions.put(outcome.customerId(), outcome.customerVersion());
            }
            if (outcome.contactId() != null) {
                contacts.add(outcome.contactId());
            }
        }
    }

    /** Records what rows of the run wrote, for the undo: two statements however many rows. */
    void record(long id, Written written) {
        if (!written.created.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO import_customer (job_id, customer_id, created, version)
                    SELECT :id, w.customer_id, w.created, w.version
                    FROM unnest(:customers, :created, :versions) AS w (customer_id, created, version)
                    ON CONFLICT (job_id, customer_id) DO UPDATE SET version = EXCLUDED.version
                    """).param("id", id)
                    .param("customers", written.created.keySet().toArray(Long[]::new))
                    .param("created", written.created.values().toArray(Boolean[]::new))
                    .param("versions", written.created.keySet().stream().map(written.versions::get).toArray(Long[]::new))
                    .update();
        }
        if (!written.contacts.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO import_contact (job_id, contact_id) SELECT :id, unnest(:contacts) ON CONFLICT DO NOTHING
                    """).param("id", id).param("contacts", written.contacts.toArray(Long[]::new)).update();
        }
    }

    /** Customers the run created or updated. */
    @Transactional(readOnly = true)
    Set<Long> customersOf(long id) {
        return new HashSet<>(jdbc.sql("SELECT customer_id FROM import_customer WHERE job_id = :id").param("id", id)
                .query(Long.class).list());
    }

    /** Customers the run created, with their version after it. */
    @Transactional(readOnly = true)
    Map<Long, Long> createdVersions(long id) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("SELECT customer_id, version FROM import_customer WHERE job_id = :id AND created").param("id", id)
                .query((rs, n) -> versions.put(rs.getLong(1), rs.getLong(2))).list();
        return versions;
    }

    @Transactional(readOnly = true)
    Set<Long> contactsOf(long id) {
        return new HashSet<>(jdbc.sql("SELECT contact_id FROM import_contact WHERE job_id = :id").param("id", id)
                .query(Long.class).list());
    }

    // --- remembered mappings

    @Transactional(readOnly = true)
    Map<String, String> choices(long userId) {
        Map<String, String> choices = new HashMap<>();
        jdbc.sql("SELECT header_key, field FROM import_column_choice WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> choices.put(rs.getString(1), rs.getString(2))).list();
        return choices;
    }

    void remember(long userId, String headerKey, String field) {
        jdbc.sql("""
                INSERT INTO import_column_choice (user_id, header_key, field) VALUES (:user, :key, :field)
                ON CONFLICT (user_id, header_key) DO UPDATE SET field = EXCLUDED.field
                """).param("user", userId).param("key", headerKey).param("field", field).update();
    }

    private static ImportJob job(ResultSet rs) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getLong("user_id"), ImportTarget.valueOf(rs.getString("target")),
                rs.getString("file_name"),
                Spreadsheets.Kind.valueOf(rs.getString("file_kind")), rs.getString("charset"), texts(rs.getArray("headers")),
                texts(rs.getArray("mapping")),
                rs.getString("mode") == null ? null : CustomerImport.Mode.valueOf(rs.getString("mode")),
                rs.getString("locale"), ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("total_rows"),
                rs.getInt("processed"), rs.getInt("created_rows"), rs.getInt("updated_rows"), rs.getInt("skipped_rows"),
                rs.getInt("failed_rows"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "undone_at"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
