package io.tidecrm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message key that labels a form field on its page, so that a refused value's message
 * names the field with the same words ({@link FieldLabels}). On a form record it gives the
 * prefix of its fields' keys ({@code @Label("pool.rules")}: field {@code daysA} is labelled by
 * {@code pool.rules.daysA}); on a record component, the whole key of that field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER })
public @interface Label {

    String value();
}
