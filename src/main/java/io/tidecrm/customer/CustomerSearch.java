package io.tidecrm.customer;

import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.SearchHit;

/**
 * The customer module's part of the global search: its customers and contacts, only inside the
 * viewer's scope (in the SQL), newest changes first.
 */
public interface CustomerSearch {

    /**
     * Customers whose name contains {@code term} (bigram index) or whose unified social credit
     * code is or starts with it.
     *
     * @param term a usable term (see {@link SearchHit#usableTerm})
     */
    List<SearchHit> customers(String term, CurrentUser viewer, int limit);

    /** Contacts whose name contains {@code term}, or whose mobile or e-mail starts with it. */
    List<SearchHit> contacts(String term, CurrentUser viewer, int limit);
}
