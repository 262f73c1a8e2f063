package io.tidecrm.notification.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.followup.FollowUpRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the business events that administrators subscribed webhooks to. Each listener runs after
 * the change has committed, is recorded in the event publication registry, and throws while a
 * delivery is still owed ({@link WebhookDeliveries}), so that a receiver that is down never rolls
 * back the change and never loses the event, also across a restart. Without a transaction: a
 * slow receiver must not hold a database connection (each log write commits on its own).
 *
 * <p>The body: {@code {"id": <event key>, "event": "followup.recorded", "occurredAt": …, "data": {…}}},
 * the data being the event's own fields (ids, names, amounts; never more than the event carries).
 */
@Component
class WebhookListeners {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final JsonMapper json;

    WebhookListeners(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerOwnerChanged event) {
        if (event.kind() == OwnerChangeKind.CREATED) {
            send(WebhookEvent.CUSTOMER_CREATED, "customer." + event.customerId() + ".created", event.changedAt(), event);
        } else {
            send(WebhookEvent.CUSTOMER_OWNER_CHANGED, "customer." + event.customerId() + ".owner."
                    + event.changedAt().toEpochMilli(), event.changedAt(), event);
        }
    }

    /** An import's customers, each delivered as the owner change that it is (one publication per batch of rows). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomersImported event) {
        List<WebhookDeliveries.Target> targets = subscriptions.subscribedTo(WebhookEvent.CUSTOMER_OWNER_CHANGED);
        if (!targets.isEmpty()) {
            event.ownerChanges().forEach(change -> {
                String key = "customer." + change.customerId() + ".owner." + change.changedAt().toEpochMilli();
                deliveries.deliver(targets, key, WebhookEvent.CUSTOMER_OWNER_CHANGED.wireName,
                        body(key, WebhookEvent.CUSTOMER_OWNER_CHANGED, change.changedAt(), change));
            });
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(FollowUpRecorded event) {
        send(WebhookEvent.FOLLOW_UP_RECORDED, "followup." + event.followUpId(), event.occurredAt(), event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ContractApproved event) {
        send(WebhookEvent.CONTRACT_APPROVED, "contract." + event.contractId() + ".approved", event.occurredAt(), event);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentRecorded event) {
        send(WebhookEvent.PAYMENT_RECORDED, "payment." + event.paymentId(), event.occurredAt(), event);
    }

    /** "Send test": a ping to the one subscription, through the same machinery (and log). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WebhookTestRequested event) {
        subscriptions.target(event.subscriptionId()).ifPresent(target -> {
            String key = "ping." + event.requestId();
            deliveries.deliver(List.of(target), key, WebhookEvent.PING.wireName,
                    body(key, WebhookEvent.PING, event.requestedAt(), Map.of("subscriptionId", event.subscriptionId())));
        });
    }

    private void send(WebhookEvent type, String key, Instant occurredAt, Object data) {
        List<WebhookDeliveries.Target> targets = subscriptions.subscribedTo(type);
        if (!targets.isEmpty()) {
            deliveries.deliver(targets, key, type.wireName, body(key, type, occurredAt, data));
        }
    }

    private String body(String key, WebhookEvent type, Instant occurredAt, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key);
        body.put("event", type.wireName);
        body.put("occurredAt", occurredAt.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
