package io.tidecrm.notification.internal;

import java.time.Instant;
import java.util.UUID;

/** An administrator pressed "send test" on a subscription: a {@code ping} goes through the delivery machinery. */
public record WebhookTestRequested(long subscriptionId, UUID requestId, long requestedById, Instant requestedAt) {
}
