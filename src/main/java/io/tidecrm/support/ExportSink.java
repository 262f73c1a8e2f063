package io.tidecrm.support;

import java.time.LocalDate;
import java.util.List;

/**
 * Receives a table that a module streams out of its own tables for an export (integration
 * module): the column names once (snake case, labelled by the receiver), then each row as it
 * comes from the database cursor, so that no module holds the whole table.
 */
public interface ExportSink {

    void columns(List<String> names);

    /** One row, the values in column order: text, numbers, dates, date-times, booleans, {@link Coded}, {@link UserRef} or null. */
    void row(Object[] values);

    /** A coded value (an enum's constant), shown by its label: the message key of that label. */
    record Coded(String messageKey) {
    }

    /** A user (an owner, an author), shown by their display name. */
    record UserRef(long id) {
    }

    /** Which rows: created (or happened) on these business days, both ends included, either open. */
    record Period(LocalDate from, LocalDate to) {

        public static Period all() {
            return new Period(null, null);
        }
    }
}
