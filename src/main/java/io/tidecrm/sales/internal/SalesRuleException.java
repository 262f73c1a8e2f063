package io.tidecrm.sales.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidecrm.support.Forms;
import org.springframework.validation.BindingResult;

/**
 * Sales rules refused a change. Every violation names its form field (null: the whole form)
 * and a message key, so that the form shows all of them at once next to the input.
 */
class SalesRuleException extends RuntimeException {

    record Violation(String field, String messageKey, Object[] args) {
    }

    private final List<Violation> violations;

    SalesRuleException(String field, String messageKey, Object... args) {
        this(List.of(new Violation(field, messageKey, args)));
    }

    private SalesRuleException(List<Violation> violations) {
        super(violations.get(0).messageKey());
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }

    /** Whether the refusal concerns this form field. */
    boolean concerns(String field) {
        return violations.stream().anyMatch(v -> field.equals(v.field()));
    }

    /** Puts every violation on the submitted form. */
    void rejectOn(BindingResult result) {
        violations.forEach(v -> Forms.reject(result, v.field(), v.messageKey(), v.args()));
    }

    /** Collects violations and throws them together. */
    static final class Collector {

        private final List<Violation> found = new ArrayList<>();

        void add(String field, String messageKey, Object... args) {
            found.add(new Violation(field, messageKey, args));
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new SalesRuleException(found);
            }
        }
    }
}
