package io.tidecrm.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading nullable column values of a JDBC row as the application's types. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
