package io.tidecrm.support;

import io.tidecrm.support.RuleViolation;

import org.springframework.validation.BindingResult;

/** Puts a refused rule on the form that was submitted, so the page shows it next to the input. */
public final class Forms {

    private Forms() {
    }

    /** Puts a refused rule on the form: on its field, or form-wide. */
    public static void reject(BindingResult result, RuleViolation violation) {
        reject(result, violation.field(), violation.messageKey(), violation.args());
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
