package io.tidecrm.customer;

import java.util.Map;

import io.tidecrm.support.Where;

/**
 * The viewer's customer scope as an SQL condition, for modules that list what hangs off
 * customers in one statement: they join their rows to {@code customer} and add
 * {@link #condition()} to the WHERE clause, binding {@link #params()}.
 *
 * @param condition a boolean SQL expression on the customer alias that was asked for
 * @param params the named parameters the condition uses (empty when it uses none)
 */
public record CustomerScope(String condition, Map<String, Object> params) {

    /** The conditions of a statement, starting with this scope; add the statement's own to it. */
    public Where where() {
        return new Where(condition, params);
    }
}
