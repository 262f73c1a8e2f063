package io.tidecrm.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A business rule refused a change: the one exception for it in every module. It carries one
 * or more {@link Violation}s, each a message key with its arguments (rendered in the reader's
 * language) and the form field it concerns (null for the whole form), so that the page shows
 * all of them at once next to the inputs and keeps what the user typed
 * ({@link Forms#reject(org.springframework.validation.BindingResult, RuleViolation)}), or the
 * first one as a flash message after a redirect ({@link Flash#error(
 * org.springframework.web.servlet.mvc.support.RedirectAttributes, RuleViolation)}).
 */
public class RuleViolation extends RuntimeException {

    /** One refused rule: the message key and its arguments, on a form field or (null) the whole form. */
    public record Violation(String field, String messageKey, List<Object> args) {

        public Violation {
            args = List.copyOf(args);
        }

        Violation(String field, String messageKey, Object... args) {
            this(field, messageKey, List.of(args));
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    private final List<Violation> violations;

    /** One refused rule; {@link #and} adds more. */
    public RuleViolation(String field, String messageKey, Object... args) {
        this(List.of(new Violation(field, messageKey, args)));
    }

    private RuleViolation(List<Violation> violations) {
        super(violations.get(0).messageKey());
        this.violations = List.copyOf(violations);
    }

    /** This refusal and one more, shown together. */
    public RuleViolation and(String field, String messageKey, Object... args) {
        List<Violation> more = new ArrayList<>(violations);
        more.add(new Violation(field, messageKey, args));
        return new RuleViolation(more);
    }

    /** Every refused rule, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /** The key of the first refused rule, for a place that shows one message (a flash, a log line). */
    public String messageKey() {
        return violations.get(0).messageKey();
    }

    /** The arguments of the first refused rule. */
    public Object[] args() {
        return violations.get(0).argArray();
    }

    /** Whether a refused rule concerns this form field. */
    public boolean concerns(String field) {
        return violations.stream().anyMatch(v -> field.equals(v.field()));
    }

    /** The same refusal, shown on another field of the form at hand. */
    public RuleViolation onField(String otherField) {
        return new RuleViolation(violations.stream()
                .map(v -> new Violation(otherField, v.messageKey(), v.args())).toList());
    }

    /** Collects the refused rules of a check and throws them together. */
    public static Collector collect() {
        return new Collector();
    }

    /** See {@link #collect()}. */
    public static final class Collector {

        private RuleViolation found;

        private Collector() {
        }

        public Collector add(String field, String messageKey, Object... args) {
            found = found == null ? new RuleViolation(field, messageKey, args) : found.and(field, messageKey, args);
            return this;
        }

        public boolean isEmpty() {
            return found == null;
        }

        public void throwIfAny() {
            if (found != null) {
                throw found;
            }
        }
    }
}
