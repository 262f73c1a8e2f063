/**
 * Support: the small shared kernel that every module uses the same way. For lists: one keyset
 * page type with one opaque cursor ({@link io.tidecrm.support.KeysetPage}, {@link io.tidecrm.support.KeysetOrder}),
 * one query builder ({@link io.tidecrm.support.Where}), list queries bound leniently from the URL
 * ({@link io.tidecrm.support.ListQuery}), filter choices ({@link io.tidecrm.support.Choice}) and pager links
 * ({@link io.tidecrm.support.PageLinks}). For forms: one refused-rule type that can carry several
 * messages ({@link io.tidecrm.support.RuleViolation}), field errors and flash messages after a change,
 * field labels for validation messages ({@link io.tidecrm.support.Label}), the rows of a form's line
 * list. And times in the business zone. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support",
        allowedDependencies = {})
package io.tidecrm.support;
