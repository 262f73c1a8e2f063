/**
 * Support: the small shared kernel of the web pages that every module uses the same way —
 * flash messages after a change, field errors from a refused rule, the rows of a form's
 * line list, and the AND-joined conditions of a JDBC statement. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support",
        allowedDependencies = {})
package io.tidecrm.support;
