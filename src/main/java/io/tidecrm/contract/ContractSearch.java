package io.tidecrm.contract;

import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;

/** The contract module's part of the global search: contracts inside the viewer's customer scope. */
public interface ContractSearch {

    /**
     * Contracts whose title or whose customer's name contains {@code term}, newest first.
     *
     * @param term a usable term (see {@link SearchHit#usableTerm})
     */
    List<SearchHit> contracts(String term, CurrentUser viewer, int limit);
}
