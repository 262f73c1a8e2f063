package io.tidecrm.notification.internal;

/** The events an administrator may subscribe a webhook to, by their name in the JSON body. */
enum WebhookEvent {
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_OWNER_CHANGED("customer.owner_changed"),
    FOLLOW_UP_RECORDED("followup.recorded"),
    CONTRACT_APPROVED("contract.approved"),
    PAYMENT_RECORDED("payment.recorded"),
    /** The "send test" button's delivery; not subscribable. */
    PING("ping");

    final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    static WebhookEvent[] subscribable() {
        return new WebhookEvent[] { CUSTOMER_CREATED, CUSTOMER_OWNER_CHANGED, FOLLOW_UP_RECORDED, CONTRACT_APPROVED,
                PAYMENT_RECORDED };
    }
}
