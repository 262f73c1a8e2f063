package io.tidecrm.contract.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import org.springframework.validation.BindingResult;

/**
 * Contract rules refused a change: one or more {@link RuleViolation}s, each on its form field
 * (or the whole form), so that the form shows all of them at once next to the input.
 */
class ContractRuleException extends RuntimeException {

    private final List<RuleViolation> violations;

    ContractRuleException(String field, String messageKey, Object... args) {
        this(List.of(new RuleViolation(field, messageKey, args)));
    }

    private ContractRuleException(List<RuleViolation> violations) {
        super(violations.get(0).messageKey());
        this.violations = List.copyOf(violations);
    }

    List<RuleViolation> violations() {
        return violations;
    }

    /** Puts every violation on the submitted form. */
    void rejectOn(BindingResult result) {
        violations.forEach(v -> Forms.reject(result, v));
    }

    /** Collects violations and throws them together. */
    static final class Collector {

        private final List<RuleViolation> found = new ArrayList<>();

        void add(String field, String messageKey, Object... args) {
            found.add(new RuleViolation(field, messageKey, args));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ContractRuleException(found);
            }
        }
    }
}
