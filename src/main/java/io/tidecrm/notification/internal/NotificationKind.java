package io.tidecrm.notification.internal;

/** What a notification is about; stored by name. */
enum NotificationKind {
    /** A colleague named the reader in a follow-up ("提醒谁看"). */
    FOLLOW_UP_MENTION,
    /** A manager or administrator transferred a customer to the reader. */
    CUSTOMER_TRANSFERRED,
    /** A manager or administrator gave the reader a customer from the public pool. */
    CUSTOMER_ASSIGNED,
    /** The pool's 12:00 digest: the reader's customers that go to the pool unless followed up. */
    POOL_WARNING,
    /** The 20:00 reclaim took customers of the reader's into the pool. */
    POOL_RECLAIMED,
    /** A member of the reader's team submitted a contract for the reader's approval. */
    CONTRACT_SUBMITTED,
    /** The reader's submitted contract was approved. */
    CONTRACT_APPROVED,
    /** The reader's submitted contract was rejected, with the approver's comment. */
    CONTRACT_REJECTED,
    /** The evening push of the day's leaderboard: the leader of the main board and the reader's team total. */
    LEADERBOARD_DAILY,
    /** A ticket of the reader's is due soon (first response or resolution). */
    TICKET_DUE_SOON,
    /** A ticket missed its due time: escalated to the reader as the owner's manager, or told to its owner. */
    TICKET_ESCALATED,
    /** A manager gave the reader a ticket. */
    TICKET_ASSIGNED,
    /** Leads were given to the reader (the daily run, a rule on arrival, a manager): confirm each within the hour. */
    LEAD_ASSIGNED,
    /** A rep of the reader's team did not confirm a lead in time. */
    LEAD_MISSED,
    /** A rep of the reader's team marked a lead invalid: the reader reviews it. */
    LEAD_INVALID,
    /** A day after the reader's first contact with a lead: the summary e-mail the sales policy asks for is due. */
    LEAD_SUMMARY_DUE,
    /** A report part the reader must submit is due soon (daily plan, daily summary, weekly plan). */
    REPORT_REMINDER,
    /** A manager commented on the reader's report, or signed off their weekly plan. */
    REPORT_COMMENTED
}
