package io.tidecrm.fieldwork;

import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The field work of the demo data of a developer's copy (never in the prod profile): visits of the
 * last three weeks checked in at the demo customers (inside each owner's stretch, never after the
 * customer's clock, so the story stays true), a few flagged, with their commitments (some overdue,
 * some done), today's and the coming days' planned visits, and the daily and weekly reports of the
 * reps with their managers' comments and sign-offs, and the reps' behaviour self-checks of those days.
 */
public interface FieldworkDemoData {

    /** Writes the field work in the caller's transaction. */
    void seed(List<DemoCustomers.Customer> customers, DemoUsers.Staff staff);
}
