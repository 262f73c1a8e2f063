package io.tidecrm.support;

import org.springframework.validation.BindingResult;

/** Puts a refused rule on the form that was submitted, so the page shows it next to the input. */
public final class Forms {

    private Forms() {
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
