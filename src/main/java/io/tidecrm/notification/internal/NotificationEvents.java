package io.tidecrm.notification.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.followup.FollowUpRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Turns other modules' facts into notifications. Synchronous listeners: they run in the
 * publisher's transaction, so the notice is saved with the fact or not at all.
 */
@Component
class NotificationEvents {

    private final Inbox inbox;

    NotificationEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Everyone the author asked to tell, never the author. */
    @EventListener
    void on(FollowUpRecorded event) {
        Set<Long> notify = event.notifyUserIds() == null ? Set.of() : event.notifyUserIds();
        List<Long> recipients = notify.stream().filter(id -> !Objects.equals(id, event.authorId())).toList();
        inbox.notify(recipients, NotificationKind.FOLLOW_UP_MENTION, "notification.FOLLOW_UP_MENTION",
                List.of(event.authorName(), event.customerName(), Objects.toString(event.excerpt(), "")),
                customerLink(event.customerId()), event.occurredAt());
    }

    /** The new owner of a transferred or assigned customer, unless they made the change themselves. */
    @EventListener
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

    private static String customerLink(long customerId) {
        return "/customers/" + customerId;
    }
}
