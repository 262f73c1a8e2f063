package io.tidecrm.integration.transfer;

import java.time.Instant;
import java.util.List;

import io.tidecrm.customer.CustomerImport;

/** An import as its page shows it (without the file's bytes). */
record ImportJob(long id, long userId, ImportTarget target, String fileName, Spreadsheets.Kind kind, String charset,
        List<String> headers,
        List<String> mapping, CustomerImport.Mode mode, String locale, Status status, int totalRows, int processed,
        int created, int updated, int skipped, int failed, Instant createdAt, Instant startedAt, Instant finishedAt,
        Instant undoneAt) {

    enum Status {
        /** Uploaded: the columns are to be mapped. */
        UPLOADED,
        /** The dry run is queued or under way. */
        CHECKING,
        /** The dry run is done: its problems are shown, the run may start. */
        CHECKED,
        /** The run is queued or under way. */
        RUNNING,
        DONE,
        UNDONE;

        public boolean working() {
            return this == CHECKING || this == RUNNING;
        }
    }

    /** Percent of the current phase done, for the progress bar. */
    public int percent() {
        return totalRows == 0 ? 100 : Math.min(100, processed * 100 / totalRows);
    }

    /** The name of the field a column is mapped to, or null. */
    String fieldOf(int column) {
        if (mapping == null || column >= mapping.size() || mapping.get(column) == null || mapping.get(column).isEmpty()) {
            return null;
        }
        return mapping.get(column);
    }
}
