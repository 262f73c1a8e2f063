package io.tidecrm.followup;

import java.time.Instant;
import java.util.List;

import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.identity.DemoUsers;

/**
 * The follow-ups of the demo data of a developer's copy (never in the prod profile), written to
 * agree with the demo customers: each owner's follow-ups lie in their stretch of ownership, the
 * last one at the customer's last follow-up time, setting its status and next follow-up time,
 * and no gap between two of them is long enough for the pool to have taken the customer.
 */
public interface FollowUpDemoData {

    /**
     * Writes the follow-ups of the demo customers in the caller's transaction and returns those
     * that asked a colleague to look ("提醒谁看"), for the inbox.
     */
    List<Mention> seed(List<DemoCustomers.Customer> customers, DemoCustomers.PoolTerms terms, DemoUsers.Staff staff);

    /** A follow-up that named a colleague. */
    record Mention(long followUpId, long customerId, String customerName, long authorId, long notifiedUserId,
            Instant recordedAt, String excerpt) {
    }
}
