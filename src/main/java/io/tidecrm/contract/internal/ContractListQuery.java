package io.tidecrm.contract.internal;

import io.tidecrm.support.ListQuery;

/**
 * The contract list's filters and page position, bound from the URL (see {@link ListQuery}).
 *
 * @param owner only for managers and administrators (ignored for reps)
 * @param q a part of the title
 * @param cursor the page position: an id cursor, newest first
 */
public record ContractListQuery(ApprovalState approval, ContractStatus status, Long owner, String q, String cursor)
        implements ListQuery {

    ContractListQuery withoutOwner() {
        return new ContractListQuery(approval, status, null, q, cursor);
    }
}
