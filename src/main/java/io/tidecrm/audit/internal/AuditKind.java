package io.tidecrm.audit.internal;

/** What an audit entry records; stored by name. */
enum AuditKind {
    SIGN_IN, SIGN_IN_FAILED, OWNER_CHANGED, RULE_CHANGED, APPROVAL_DECIDED, DATA_EXPORTED
}
