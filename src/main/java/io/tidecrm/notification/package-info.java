/**
 * Notification: the in-app inbox of each user and the unread count in the page header, the pool
 * warning e-mail, the teams' group robots (WeCom, DingTalk) and the administrators' outgoing
 * webhooks (HMAC-SHA256-signed JSON), both delivered through one machinery with a delivery log
 * and retries with back-off (tables webhook_subscription, webhook_delivery). It listens to the facts of other
 * modules (a follow-up that names colleagues, a customer that changes hands, a contract to decide)
 * after their transaction commits ({@code @ApplicationModuleListener}): a failed notice never
 * rolls back the change, and the event publication registry retries it until it is delivered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = { "customer", "followup", "pool", "contract", "report", "service", "lead", "fieldwork", "identity",
                "support" })
package io.tidecrm.notification;
