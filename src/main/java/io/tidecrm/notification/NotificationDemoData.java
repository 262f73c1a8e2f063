package io.tidecrm.notification;

import java.util.List;

import io.tidecrm.contract.ContractDemoData;
import io.tidecrm.customer.DemoCustomers;
import io.tidecrm.followup.FollowUpDemoData;
import io.tidecrm.pool.PoolDemoData;

/**
 * The inbox of the demo users of a developer's copy (never in the prod profile): the notices
 * the demo's facts would have sent (colleagues named in follow-ups, customers transferred or
 * assigned, pool warnings and reclaims, contracts submitted, approved and rejected), the older
 * ones read.
 */
public interface NotificationDemoData {

    /** Writes the notices of these facts in the caller's transaction and returns how many. */
    int seed(List<DemoCustomers.Customer> customers, List<PoolDemoData.WarningDigest> warnings,
            List<FollowUpDemoData.Mention> mentions, List<ContractDemoData.ApprovalStep> approvals);
}
