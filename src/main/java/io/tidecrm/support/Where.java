package io.tidecrm.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The conditions of an SQL statement joined by AND and their named bind parameters: the one
 * builder of every filtered list. It usually starts with a condition that always applies (the
 * viewer's customer scope), then adds the filters that are set ({@link #addIf}), and the keyset
 * position of the page ({@link #after}). Values are always bound, never concatenated; only the
 * conditions, written in code, become SQL. An enum value is bound by its name.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** No condition yet: {@link #sql()} is {@code TRUE} until one is added. */
    public Where() {
    }

    /** Starts with this condition and the parameters it uses. */
    public Where(String condition, Map<String, ?> params) {
        add(condition, params);
    }

    /** Adds a condition that binds no parameter. */
    public Where add(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition; {@code param} is the one parameter it binds, or null when it binds none. */
    public Where add(String condition, String param, Object value) {
        conditions.add(condition);
        if (param != null) {
            bind(param, value);
        }
        return this;
    }

    /** Adds a condition with the parameters it binds. */
    public Where add(String condition, Map<String, ?> params) {
        conditions.add(condition);
        params.forEach(this::bind);
        return this;
    }

    /**
     * Adds the condition of an optional filter when its value is set (not null, and not blank
     * for text), binding the value (text stripped) as {@code param}.
     */
    public Where addIf(String condition, String param, Object value) {
        return addIf(condition, param, value, Function.identity());
    }

    /**
     * Adds the condition of an optional filter when its value is set, binding what
     * {@code binding} makes of the value (a day's first instant, say) as {@code param}.
     */
    public <T> Where addIf(String condition, String param, T value, Function<? super T, ?> binding) {
        if (isSet(value)) {
            Object bound = binding.apply(value);
            add(condition, param, bound instanceof String text ? text.strip() : bound);
        }
        return this;
    }

    /**
     * Adds {@code expression IN (:param)}. An empty collection admits no row ({@code FALSE}):
     * an empty IN list is not valid SQL, and "any of none" is none.
     */
    public Where in(String expression, String param, Collection<?> values) {
        if (values.isEmpty()) {
            return add("FALSE");
        }
        return add(expression + " IN (:" + param + ")", param, List.copyOf(values));
    }

    /**
     * The condition of a name search on {@code column} (see {@link NameSearch}), binding its
     * parameters; to be added alone ({@code where.add(where.nameMatch(...))}) or inside an OR.
     */
    public String nameMatch(String column, String term) {
        return NameSearch.condition(column, term.strip(), params);
    }

    /**
     * Adds the keyset position of a page: the rows after the one {@code cursor} names, in
     * {@code order}. Nothing when the cursor is absent or does not fit the order (the first page).
     */
    public Where after(KeysetOrder order, String cursor) {
        KeysetOrder.Position position = order.position(cursor);
        if (position != null) {
            add(order.condition(position, this));
        }
        return this;
    }

    /**
     * The timestamp column falls on the business days from {@code from} to {@code to}, both
     * included, in the business zone: {@code column >= start of from AND column < start of the
     * day after to}, bound as {@code :daysFrom} and {@code :daysTo}.
     */
    public Where onBusinessDays(String column, java.time.LocalDate from, java.time.LocalDate to,
            java.time.ZoneId zone) {
        add(column + " >= :daysFrom", "daysFrom", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()));
        return add(column + " < :daysTo", "daysTo", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** Binds a parameter that the statement uses outside these conditions. */
    public Where bind(String param, Object value) {
        Objects.requireNonNull(value, param);
        params.put(param, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    /** The conditions joined by AND; {@code TRUE} when there are none. */
    public String sql() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }
}
