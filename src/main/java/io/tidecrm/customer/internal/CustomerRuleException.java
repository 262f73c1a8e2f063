package io.tidecrm.customer.internal;

import java.util.List;

/** A customer rule refused a change; the message key and arguments say why, on the form field concerned. */
class CustomerRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> args;

    CustomerRuleException(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args.toArray();
    }
}
