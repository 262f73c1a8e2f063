package io.tidecrm.support;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Streams a query's rows into an {@link ExportSink} from a server-side cursor: PostgreSQL's JDBC
 * driver fetches {@value #FETCH_SIZE} rows at a time only inside a transaction (the caller's
 * read-only one), so a million rows never sit in memory. Columns are named by the query's
 * aliases; {@code coded} gives, per column, the message-key prefix of its codes.
 */
public final class ExportCursor {

    public static final int FETCH_SIZE = 1000;

    /** The "prefix" of a column that holds a user's id: shown as the user's name. */
    public static final String USER = "@user";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    public ExportCursor(DataSource dataSource, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.zone = clock.getZone();
    }

    /**
     * The period as SQL parameters: {@code from} and {@code to} (instants at the business days'
     * bounds, {@code to} excluded) and {@code fromDate}, {@code toDate} (dates, both included), or nulls.
     */
    public Map<String, Object> periodParams(ExportSink.Period period) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", period.from() == null ? null : Timestamp.from(period.from().atStartOfDay(zone).toInstant()));
        params.put("to", period.to() == null ? null
                : Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
        params.put("fromDate", period.from() == null ? null : java.sql.Date.valueOf(period.from()));
        params.put("toDate", period.to() == null ? null : java.sql.Date.valueOf(period.to()));
        return params;
    }

    /** Runs the query and sends each row to the sink; answers the number of rows. */
    public long stream(String sql, Map<String, Object> params, Map<String, String> coded, ExportSink sink) {
        long[] count = { 0 };
        List<String> names = new ArrayList<>();
        List<Function<Object, Object>> converters = new ArrayList<>();
        jdbc.query(sql, params, (ResultSet rs) -> {
            // Column names from the metadata, so that an empty export still has its header.
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String name = meta.getColumnLabel(c);
                names.add(name);
                String prefix = coded.get(name);
                converters.add(prefix == null ? converter(meta.getColumnType(c))
                        : USER.equals(prefix) ? v -> v == null ? null : new ExportSink.UserRef(((Number) v).longValue())
                        : v -> v == null ? null : new ExportSink.Coded(prefix + v));
            }
            sink.columns(names);
            while (rs.next()) {
                Object[] values = new Object[names.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = converters.get(c).apply(rs.getObject(c + 1));
                }
                sink.row(values);
                count[0]++;
            }
            return null;
        });
        return count[0];
    }

    private Function<Object, Object> converter(int sqlType) {
        return switch (sqlType) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> v -> v instanceof Timestamp t
                    ? t.toInstant().atZone(zone).toLocalDateTime() : v;
            case Types.DATE -> v -> v instanceof java.sql.Date d ? d.toLocalDate() : v;
            case Types.ARRAY -> v -> {
                try {
                    return v instanceof java.sql.Array a ? String.join(", ", (String[]) a.getArray()) : v;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            default -> v -> v;
        };
    }
}
