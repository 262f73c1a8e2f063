package io.tidecrm.customer;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.DemoUsers;

/**
 * The demo customers of a developer's copy (never in the prod profile): about 150 customers of
 * the demo reps with contacts and owner history, fresh, due, overdue, near their pool deadline,
 * won, and in the pool. The other modules' demo seeders hang their records on the
 * {@link Customer}s returned here, so that the whole data set tells one story: the clock, the
 * last and next follow-up times, the status and the owner at each moment are decided here, and
 * the follow-ups, opportunities and contracts are written to agree with them.
 */
public interface DemoCustomers {

    /** How many days the demo's history reaches back (about 60 days of follow-ups). */
    int HISTORY_DAYS = 60;

    /** Whether the demo customers are there already: the marker that the demo data was seeded. */
    boolean present();

    /**
     * Writes the demo customers, their contacts and owner history, in the caller's transaction.
     *
     * @param terms the pool rules the times are placed against
     */
    List<Customer> seed(DemoUsers.Staff staff, PoolTerms terms);

    /** The pool rules the demo is placed against: stale days per type and the time of the nightly reclaim. */
    record PoolTerms(Map<CustomerType, Integer> staleDays, LocalTime reclaimTime) {
    }

    /**
     * A seeded customer as the other demo seeders need it.
     *
     * @param productLine the catalog category the customer is interested in (句客宝, 句子秒回, Wechaty)
     * @param seats how many seats (WeChat accounts for Wechaty) it talks about, in its requirements,
     *        its follow-ups and its deal
     * @param clockAt the follow-up clock: the later of its last follow-up and the moment its current
     *        (or, in the pool, its last) owner obtained it
     * @param lastFollowUpAt the time of its last follow-up, which set {@code nextFollowUpAt} and the
     *        status; null when it has none yet
     * @param nextFollowUpAt as on the customer; null in the pool
     * @param wonAt when its contract was approved, for a won customer
     * @param pooledAt when it went into the pool, for a pool customer
     * @param history every change of owner, oldest first, starting with its creation
     * @param ownerships who owned it when, oldest first, and when each owner's last follow-up was
     * @param contacts its contacts, primary first
     */
    record Customer(long id, String name, CustomerType type, CustomerStatus status, String industry,
            String productLine, int seats, Long ownerId, Instant createdAt, Instant clockAt, Instant lastFollowUpAt,
            Instant nextFollowUpAt, Instant wonAt, Instant pooledAt, List<OwnerChange> history,
            List<Ownership> ownerships, List<ContactRef> contacts) {

        public boolean won() {
            return status == CustomerStatus.WON;
        }

        /** The current owner's stretch, or in the pool the last owner's. */
        public Ownership lastOwnership() {
            return ownerships.get(ownerships.size() - 1);
        }
    }

    /**
     * A stretch of time in which one user owned the customer.
     *
     * @param until when it ended (went to the pool or to another owner); null while it lasts
     * @param lastFollowUpAt the owner's last follow-up in the stretch; null when they wrote none
     */
    record Ownership(long ownerId, Instant from, Instant until, Instant lastFollowUpAt) {

        /**
         * The latest moment at which anything that counts as following up (a follow-up, a new
         * opportunity or contract) happened in this stretch: the last follow-up, or the start when
         * there was none. Anything later would have moved the clock past the story.
         */
        public Instant activeUntil() {
            return lastFollowUpAt != null && lastFollowUpAt.isAfter(from) ? lastFollowUpAt : from;
        }
    }

    /** One row of the owner history; {@code byUserId} is null for the nightly reclaim. */
    record OwnerChange(OwnerChangeKind kind, Long previousOwnerId, Long newOwnerId, Long byUserId, String reason,
            Instant at) {
    }
}
