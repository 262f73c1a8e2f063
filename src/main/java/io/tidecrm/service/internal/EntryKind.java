package io.tidecrm.service.internal;

/** One line of a ticket's timeline. */
public enum EntryKind {
    CREATED, COMMENT, REPLY, STARTED, RESOLVED, CLOSED, REOPENED, REASSIGNED, EDITED, REMINDED, ESCALATED
}
