package io.tidecrm.sales;

import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;

/** The sales module's part of the global search: opportunities inside the viewer's customer scope. */
public interface OpportunitySearch {

    /**
     * Opportunities whose title or whose customer's name contains {@code term}, newest first.
     *
     * @param term a usable term (see {@link SearchHit#usableTerm})
     */
    List<SearchHit> opportunities(String term, CurrentUser viewer, int limit);
}
