package io.tidecrm.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The order of a list paged by key: an optional sort expression, and the unique id column that
 * breaks its ties and is the key when there is no sort expression, all in one direction. The
 * expression and column come from code (an allow-list such as an enum of sorts), never from the
 * request.
 *
 * <p>Its cursor names the last row of a page and is opaque to the page: for an order by id
 * alone it is the id ({@code 123}, as the {@code before} parameter of old bookmarks carried it),
 * otherwise the id and the row's sort value as text, Base64-encoded for the URL. A cursor that
 * does not decode, or whose value does not fit the sort's type, reads as none: the list starts
 * from its first page instead of failing.
 *
 * @param expression the SQL sort expression, or null to order by the id alone
 * @param sqlType the SQL type the cursor's sort value is cast to ({@code timestamptz}, {@code varchar})
 * @param ascending the direction of both the expression and the id
 * @param idColumn the unique column that breaks ties, e.g. {@code c.id}
 */
public record KeysetOrder(String expression, String sqlType, boolean ascending, String idColumn) {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TIMESTAMP = Pattern.compile("infinity|-infinity|[0-9]{4}-[0-9 :.+\\-]{1,40}");

    /** Newest first by id alone, the order of most lists. */
    public static KeysetOrder newestFirst(String idColumn) {
        return new KeysetOrder(null, null, false, idColumn);
    }

    /** By a sort expression (from an allow-list), then by id, both in one direction. */
    public static KeysetOrder by(String expression, String sqlType, boolean ascending, String idColumn) {
        return new KeysetOrder(expression, sqlType, ascending, idColumn);
    }

    /** The ORDER BY clause (without the keywords), e.g. {@code c.name ASC, c.id ASC}. */
    public String orderBy() {
        return expression == null ? idColumn + " " + direction() : expression + " " + direction() + ", " + idColumn + " " + direction();
    }

    /** {@code ASC} or {@code DESC}. */
    public String direction() {
        return ascending ? "ASC" : "DESC";
    }

    /** The cursor of a row: its id, and its sort value as text when the order has a sort expression. */
    public String cursorOf(long id, String sortValue) {
        if (expression == null) {
            return idCursor(id);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + ":" + sortValue).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a row in an order by id alone. */
    public static String idCursor(long id) {
        return Long.toString(id);
    }

    /** The id an id cursor names, or null when there is none or it is not an id. */
    public static Long idOf(String cursor) {
        return cursor != null && ID.matcher(cursor.strip()).matches() ? Long.valueOf(cursor.strip()) : null;
    }

    /** The row a cursor of this order names, or null when there is none or it does not fit this order. */
    Position position(String cursor) {
        if (expression == null) {
            Long id = idOf(cursor);
            return id == null ? null : new Position(id, null);
        }
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            Position position = new Position(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
            return fits(position.value()) ? position : null;
        } catch (RuntimeException e) {
            return null; // a hand-edited cursor starts from the first page
        }
    }

    /** The condition that admits the rows after {@code position}, binding its values into {@code where}. */
    String condition(Position position, Where where) {
        String comparison = ascending ? ">" : "<";
        where.bind("cursorId", position.id());
        if (expression == null) {
            return idColumn + " " + comparison + " :cursorId";
        }
        where.bind("cursorValue", position.value());
        return "(" + expression + ", " + idColumn + ") " + comparison + " (CAST(:cursorValue AS " + sqlType
                + "), :cursorId)";
    }

    private boolean fits(String value) {
        return !"timestamptz".equals(sqlType) || TIMESTAMP.matcher(value).matches();
    }

    /** The last row of a page: its id and sort value. */
    record Position(long id, String value) {
    }
}
