package io.tidecrm.notification.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractRejected;
import io.tidecrm.contract.ContractSubmitted;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.CustomersReclaimed;
import io.tidecrm.fieldwork.ReportCommented;
import io.tidecrm.fieldwork.ReportReminderDue;
import io.tidecrm.pool.PoolWarned;
import io.tidecrm.lead.LeadConfirmationMissed;
import io.tidecrm.lead.LeadMarkedInvalid;
import io.tidecrm.lead.LeadSummaryDue;
import io.tidecrm.lead.LeadsAssigned;
import io.tidecrm.service.TicketAssigned;
import io.tidecrm.service.TicketDueSoon;
import io.tidecrm.service.TicketEscalated;
import io.tidecrm.support.Times;
import io.tidecrm.followup.FollowUpRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns other modules' facts into notifications. A notice is a secondary effect: each listener
 * runs after the fact has committed, in a transaction of its own, and is recorded in the event
 * publication registry, so that a failing inbox never rolls back the fact, and a notice that
 * failed (or was cut off by a crash) is resubmitted until it is written. A rolled-back fact
 * sends no notice. A listener writes its notices in its one transaction, so a retry never finds
 * half of them written.
 */
@Component
class NotificationEvents {

    private final Inbox inbox;
    private final Times times;

    NotificationEvents(Inbox inbox, Times times) {
        this.inbox = inbox;
        this.times = times;
    }

    /** Everyone the author asked to tell, never the author. */
    @ApplicationModuleListener
    void on(FollowUpRecorded event) {
        Set<Long> notify = event.notifyUserIds() == null ? Set.of() : event.notifyUserIds();
        List<Long> recipients = notify.stream().filter(id -> !Objects.equals(id, event.authorId())).toList();
        inbox.notify(recipients, NotificationKind.FOLLOW_UP_MENTION, "notification.FOLLOW_UP_MENTION",
                List.of(event.authorName(), event.customerName(), Objects.toString(event.excerpt(), "")),
                customerLink(event.customerId()), event.occurredAt());
    }

    /** The new owner of a transferred or assigned customer, unless they made the change themselves. */
    @ApplicationModuleListener
    void on(CustomerOwnerChanged event) {
        NotificationKind kind = switch (event.kind()) {
            case TRANSFERRED -> NotificationKind.CUSTOMER_TRANSFERRED;
            case ASSIGNED -> NotificationKind.CUSTOMER_ASSIGNED;
            default -> null;
        };
        if (kind == null || event.newOwnerId() == null || event.newOwnerId().equals(event.changedById())) {
            return;
        }
        boolean withReason = StringUtils.hasText(event.reason());
        inbox.notify(List.of(event.newOwnerId()), kind, "notification." + kind.name() + (withReason ? ".reason" : ""),
                withReason ? List.of(event.customerName(), event.reason().strip()) : List.of(event.customerName()),
                customerLink(event.customerId()), event.changedAt());
    }

    /** One digest per owner (and a copy for their managers when the pool rules ask for it). */
    @ApplicationModuleListener
    void on(PoolWarned event) {
        String names = event.customers().stream().map(PoolWarned.Customer::name).limit(10)
                .collect(java.util.stream.Collectors.joining("、"));
        String deadline = event.customers().isEmpty() ? "" : times.dateTime(event.customers().get(0).deadline());
        List<String> args = List.of(String.valueOf(event.customers().size()), deadline, names);
        inbox.notify(List.of(event.ownerId()), NotificationKind.POOL_WARNING, "notification.POOL_WARNING", args,
                "/customers?sort=STALEST", event.warnedAt());
        if (!event.copyTo().isEmpty()) {
            inbox.notify(event.copyTo(), NotificationKind.POOL_WARNING, "notification.POOL_WARNING.copy", args,
                    "/customers?sort=STALEST", event.warnedAt());
        }
    }

    /** Each former owner learns once per reclaim run how many of their customers went to the pool. */
    @ApplicationModuleListener
    void on(CustomersReclaimed event) {
        inbox.notifyEach(event.countsByOwner().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                java.util.Map.Entry::getKey, e -> List.of(String.valueOf(e.getValue())))),
                NotificationKind.POOL_RECLAIMED, "notification.POOL_RECLAIMED", "/pool", event.runAt());
    }

    private static String customerLink(long customerId) {
        return "/customers/" + customerId;
    }

    // --- contracts (module contract)

    /** The approvers of a submitted contract are asked to decide. */
    @ApplicationModuleListener
    void on(ContractSubmitted event) {
        inbox.notify(event.approverIds(), NotificationKind.CONTRACT_SUBMITTED, "notification.CONTRACT_SUBMITTED",
                List.of(event.submitterName(), event.title(), event.customerName()),
                "/contracts/" + event.contractId(), event.submittedAt());
    }

    /** The submitter learns that their contract was approved, with the approver's comment. */
    @ApplicationModuleListener
    void on(ContractApproved event) {
        inbox.notify(List.of(event.submitterId()), NotificationKind.CONTRACT_APPROVED, "notification.CONTRACT_APPROVED",
                List.of(event.title(), event.customerName(), Objects.toString(event.comment(), "")),
                "/contracts/" + event.contractId(), event.occurredAt());
    }

    /** The submitter learns that their contract was rejected, and why. */
    @ApplicationModuleListener
    void on(ContractRejected event) {
        inbox.notify(List.of(event.submitterId()), NotificationKind.CONTRACT_REJECTED, "notification.CONTRACT_REJECTED",
                List.of(event.title(), event.customerName(), Objects.toString(event.comment(), "")),
                "/contracts/" + event.contractId(), event.occurredAt());
    }

    // --- tickets (module service)

    /** The owner is reminded that a due time of their ticket is near. */
    @ApplicationModuleListener
    void on(TicketDueSoon event) {
        inbox.notify(List.of(event.ownerId()), NotificationKind.TICKET_DUE_SOON,
                "notification.TICKET_DUE_SOON." + event.target(),
                List.of(event.title(), event.customerName(), times.dateTime(event.dueAt())),
                "/tickets/" + event.ticketId(), event.remindedAt());
    }

    /** The owner's managers get the escalation, and the owner is told that the due time passed. */
    @ApplicationModuleListener
    void on(TicketEscalated event) {
        List<String> args = List.of(event.title(), event.customerName(), times.dateTime(event.dueAt()),
                Objects.toString(event.ownerName(), ""));
        inbox.notify(event.managerIds(), NotificationKind.TICKET_ESCALATED,
                "notification.TICKET_ESCALATED." + event.target(), args, "/tickets/" + event.ticketId(),
                event.escalatedAt());
        inbox.notify(List.of(event.ownerId()), NotificationKind.TICKET_ESCALATED,
                "notification.TICKET_OVERDUE." + event.target(), args, "/tickets/" + event.ticketId(),
                event.escalatedAt());
    }

    /** The new owner of a reassigned ticket, with the reason. */
    @ApplicationModuleListener
    void on(TicketAssigned event) {
        if (event.newOwnerId() == event.assignedById()) {
            return;
        }
        inbox.notify(List.of(event.newOwnerId()), NotificationKind.TICKET_ASSIGNED, "notification.TICKET_ASSIGNED",
                List.of(event.assignedByName(), event.title(), event.reason()), "/tickets/" + event.ticketId(),
                event.occurredAt());
    }

    /** The rep given leads, once per pass, with the time by which to confirm them. */
    @ApplicationModuleListener
    void on(LeadsAssigned event) {
        List<LeadsAssigned.Item> leads = event.leads();
        String names = String.join("、", leads.stream().limit(5).map(LeadsAssigned.Item::companyName).toList())
                + (leads.size() > 5 ? " …" : "");
        inbox.notify(List.of(event.ownerId()), NotificationKind.LEAD_ASSIGNED, "lead.notice.assigned",
                List.of(String.valueOf(leads.size()), names, times.dateTime(leads.get(0).confirmDue())),
                leads.size() == 1 ? "/leads/" + leads.get(0).leadId() : "/leads", event.occurredAt());
    }

    /** The owner's managers: a lead was not confirmed in time (and whether the rules reassigned it). */
    @ApplicationModuleListener
    void on(LeadConfirmationMissed event) {
        inbox.notify(event.managerIds(), NotificationKind.LEAD_MISSED,
                event.reassigned() ? "lead.notice.missed.reassigned" : "lead.notice.missed",
                List.of(event.companyName(), event.ownerName(), times.dateTime(event.confirmDue())),
                "/leads/" + event.leadId(), event.occurredAt());
    }

    /** The reviewers of an invalid mark. */
    @ApplicationModuleListener
    void on(LeadMarkedInvalid event) {
        inbox.notify(event.reviewerIds(), NotificationKind.LEAD_INVALID, "lead.notice.invalid",
                List.of(event.companyName(), event.ownerName(), event.reason()), "/leads/" + event.leadId(),
                event.occurredAt());
    }

    /** The owner: the summary e-mail to the lead's contact is due, a day after the first contact. */
    @ApplicationModuleListener
    void on(LeadSummaryDue event) {
        inbox.notify(List.of(event.ownerId()), NotificationKind.LEAD_SUMMARY_DUE, "lead.notice.summaryDue",
                List.of(event.companyName(), times.dateTime(event.firstContactAt())), "/leads/" + event.leadId(),
                event.occurredAt());
    }

    /** The users who must still submit a report part, shortly before its deadline (fieldwork's bundle has the text). */
    @ApplicationModuleListener
    void on(ReportReminderDue event) {
        inbox.notify(event.recipientIds(), NotificationKind.REPORT_REMINDER, "report.reminder." + event.part(),
                List.of(times.dateTime(event.deadline())), event.link(), event.occurredAt());
    }

    /** The report's author: a comment on it, or the manager's sign-off of the weekly plan. */
    @ApplicationModuleListener
    void on(ReportCommented event) {
        inbox.notify(List.of(event.authorId()), NotificationKind.REPORT_COMMENTED,
                event.signOff() ? "report.notice.signedOff" : "report.notice.commented",
                List.of(event.commenterName(), event.periodStart().toString(), event.body()),
                "/reports/" + event.reportId(), event.occurredAt());
    }
}
