package io.tidecrm.contract.internal;

import java.util.Map;

/**
 * The contract list's filters and page position, read from the URL so that a list can be
 * bookmarked. A value that does not parse is ignored, never an error.
 *
 * @param owner only for managers and administrators (ignored for reps)
 * @param before the keyset position: rows with a smaller id
 */
public record ContractListQuery(ApprovalState approval, ContractStatus status, Long owner, String q, Long before) {

    static ContractListQuery from(Map<String, String> params) {
        String q = params.get("q");
        return new ContractListQuery(value(ApprovalState.class, params.get("approval")),
                value(ContractStatus.class, params.get("status")), number(params.get("owner")),
                q == null || q.isBlank() ? null : q.strip(), number(params.get("before")));
    }

    ContractListQuery withoutOwner() {
        return new ContractListQuery(approval, status, null, q, before);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
