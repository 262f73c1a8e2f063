package io.tidecrm.support;

import java.util.List;

/**
 * A business rule refused a change. It carries a message key and arguments (rendered in the
 * reader's language) and the form field it concerns (null for the whole form), so that the
 * page shows it next to the input and keeps what the user typed.
 */
public class RuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    public RuleViolation(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    /** The same refusal, shown on another field of the form at hand. */
    public RuleViolation onField(String otherField) {
        return new RuleViolation(otherField, messageKey, args());
    }
}
