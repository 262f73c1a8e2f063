package io.tidecrm.followup.internal;

/** A follow-up rule refused the input; the key says why, on the field concerned. */
class FollowUpRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;

    FollowUpRuleException(String field, String messageKey) {
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
