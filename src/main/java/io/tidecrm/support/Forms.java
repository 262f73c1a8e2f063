package io.tidecrm.support;

import org.springframework.validation.BindingResult;

/**
 * The one place that puts a refused rule on the form that was submitted, so that every page
 * shows it the same way: next to the input it concerns, with the user's input kept.
 */
public final class Forms {

    private Forms() {
    }

    /** Puts every refused rule on the form: each on its field, or form-wide. */
    public static void reject(BindingResult result, RuleViolation refused) {
        refused.violations().forEach(v -> reject(result, v.field(), v.messageKey(), v.argArray()));
    }

    /** A field error when the rule concerns one field, otherwise a form-wide error. */
    public static void reject(BindingResult result, String field, String messageKey, Object... args) {
        if (field == null) {
            result.reject(messageKey, args, null);
        } else {
            result.rejectValue(field, messageKey, args, null);
        }
    }
}
