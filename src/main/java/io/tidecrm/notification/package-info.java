/**
 * Notification: the in-app inbox of each user and the unread count in the page header. It
 * listens to the facts of other modules (a follow-up that names colleagues, a customer that
 * changes hands) and writes the notifications in the transaction of the fact, so that a fact
 * and the notice of it are saved together or not at all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = { "customer", "followup", "pool", "contract", "identity", "support" })
package io.tidecrm.notification;
