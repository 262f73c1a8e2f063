package io.tidecrm.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conditions of an SQL statement joined by AND, starting with one that always applies (for
 * example the viewer's customer scope), and their named bind parameters.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Starts with this condition and the parameters it uses. */
    public Where(String condition, Map<String, ?> params) {
        conditions.add(condition);
        this.params.putAll(params);
    }

    /** Adds a condition; {@code param} is the one parameter it binds, or null when it binds none. */
    public Where add(String condition, String param, Object value) {
        conditions.add(condition);
        if (param != null) {
            params.put(param, Objects.requireNonNull(value));
        }
        return this;
    }

    /** Binds a parameter that the statement uses outside these conditions. */
    public Where bind(String param, Object value) {
        params.put(param, Objects.requireNonNull(value));
        return this;
    }

    public String sql() {
        return String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }
}
