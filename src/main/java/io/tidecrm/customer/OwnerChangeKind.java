package io.tidecrm.customer;

/** How a customer came to its new owner (or to the public pool). */
public enum OwnerChangeKind {
    /** Created by a user, who becomes the owner. */
    CREATED,
    /** Created by an import. */
    IMPORTED,
    /** Created by converting a lead. */
    CONVERTED,
    /** Moved to another owner by a manager or administrator. */
    TRANSFERRED,
    /** Put into the public pool by hand. */
    RELEASED,
    /** Moved into the public pool by the nightly reclaim. */
    RECLAIMED,
    /** Taken from the public pool by a rep. */
    GRABBED,
    /** Given from the public pool to a rep by a manager or administrator. */
    ASSIGNED
}
