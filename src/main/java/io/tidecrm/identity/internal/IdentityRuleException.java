package io.tidecrm.identity.internal;

/** A rule of identity refused a change; carries the message key and the form field it concerns. */
class IdentityRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    IdentityRuleException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }
}
