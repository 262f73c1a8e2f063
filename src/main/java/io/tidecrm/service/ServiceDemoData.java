package io.tidecrm.service;

import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The tickets of the demo data of a developer's copy (never in the prod profile): for each rep a
 * closed complaint with the customer's satisfaction, a ticket in progress, and an overdue one
 * that nobody answered, placed in the customers' story so that no ticket is later than the last
 * moment its customer was followed up.
 */
public interface ServiceDemoData {

    /** Writes the tickets and their timelines in the caller's transaction; returns how many. */
    int seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff);
}
