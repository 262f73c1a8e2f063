package io.tidecrm.customer;

import java.util.Map;

import io.tidecrm.support.Where;

/**
 * The viewer's customer scope as an SQL condition, for modules that list what hangs off
 * customers in one statement: they bring the customers in with {@link #join(String, String)} (the
 * customer module's one public piece of SQL; no other module names its tables) and add
 * {@link #condition()} to the WHERE clause, binding {@link #params()}.
 *
 * @param condition a boolean SQL expression on the customer alias that was asked for
 * @param params the named parameters the condition uses (empty when it uses none)
 */
public record CustomerScope(String condition, Map<String, Object> params) {

    /**
     * {@code JOIN customer <alias> ON <alias>.id = <customerIdColumn>}: the customers of another
     * module's rows, for the scope condition asked for with the same alias. Through the alias a
     * statement may read the columns {@code id}, {@code name} and {@code owner_id}, and no others.
     *
     * @param customerAlias the alias given to {@code CustomerManagement.scopeCondition}
     * @param customerIdColumn the qualified column of the caller's rows that holds the customer id
     */
    public static String join(String customerAlias, String customerIdColumn) {
        if (!customerAlias.matches("[A-Za-z_][A-Za-z0-9_]*")
                || !customerIdColumn.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not an SQL alias and column: " + customerAlias + ", " + customerIdColumn);
        }
        return "JOIN customer " + customerAlias + " ON " + customerAlias + ".id = " + customerIdColumn;
    }

    /** The conditions of a statement, starting with this scope; add the statement's own to it. */
    public Where where() {
        return new Where(condition, params);
    }
}
