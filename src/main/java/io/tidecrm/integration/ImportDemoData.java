package io.tidecrm.integration;

import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The imports of the demo data of a developer's copy (never in the prod profile): the first team's
 * manager imported a small sheet in which two rows repeated customers that already existed, so the
 * import pages show a finished import with its problems and its error workbook.
 */
public interface ImportDemoData {

    /** Writes the demo imports in the caller's transaction. */
    void seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff);
}
