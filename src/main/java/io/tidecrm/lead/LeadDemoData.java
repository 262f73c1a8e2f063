package io.tidecrm.lead;

import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The leads of the demo data of a developer's copy (never in the prod profile): the assignment
 * rules (region first, then industry) and leads in every state — new in the lead pool, assigned and
 * waiting for confirmation (one overdue), contactable with follow-ups, invalid and waiting for the
 * manager's review, nurturing, converted into a demo customer, and closed.
 */
public interface LeadDemoData {

    /** Writes the rules and leads in the caller's transaction; returns how many leads. */
    int seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff);
}
