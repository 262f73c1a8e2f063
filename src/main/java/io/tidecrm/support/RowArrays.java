package io.tidecrm.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows for one set-based statement: each column is collected as an array of text and bound as
 * a parameter of the column's name, and the statement casts it to the column's type,
 * {@code INSERT INTO t (a, b) SELECT * FROM unnest(CAST(:a AS bigint[]), CAST(:b AS timestamptz[]))}.
 * A few thousand rows are then one statement instead of a few thousand (used by the demo data).
 */
public final class RowArrays {

    private final Map<String, List<String>> columns = new LinkedHashMap<>();
    private int size;

    public RowArrays(String... names) {
        for (String name : names) {
            columns.put(name, new ArrayList<>());
        }
    }

    /** One row, its values in the order of the names; null, numbers, instants, dates, enums and text. */
    public RowArrays add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        int i = 0;
        for (List<String> column : columns.values()) {
            column.add(text(values[i++]));
        }
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Binds every column as an array parameter of its name. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            bound = bound.param(column.getKey(), column.getValue().toArray(String[]::new));
        }
        return bound;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        // Instants (ISO-8601 with Z), dates, numbers and text read back as themselves.
        return value.toString();
    }
}
