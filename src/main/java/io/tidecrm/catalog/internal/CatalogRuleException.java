package io.tidecrm.catalog.internal;

/** A catalog rule refused a change; the key says why, on the form field concerned (null: the whole form). */
class CatalogRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    CatalogRuleException(String field, String messageKey) {
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
