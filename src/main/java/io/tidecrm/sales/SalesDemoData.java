package io.tidecrm.sales;

import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.PricedLine;
import io.tidecrm.customer.DemoCustomers;

/**
 * The opportunities of the demo data of a developer's copy (never in the prod profile): every
 * stage, lines priced from the catalog, each created while its customer's owner was following it
 * up (so that no creation moves a clock past the customer's story).
 */
public interface SalesDemoData {

    /**
     * Writes the opportunities of the demo customers in the caller's transaction and returns the
     * lines of each customer's deal: the won opportunity's for a won customer, the one in
     * negotiation or at the quote for the others that have one. The contracts are made of them.
     */
    Map<Long, List<PricedLine>> seed(List<DemoCustomers.Customer> customers);
}
