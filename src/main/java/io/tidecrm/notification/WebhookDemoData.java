package io.tidecrm.notification;

/**
 * The webhook page of a developer's copy (never in the prod profile): a subscription, turned off
 * so that the demo never posts to the outside, and its delivery log (delivered, retried after a
 * 500, a test ping), so that the administrators' pages are not empty.
 */
public interface WebhookDemoData {

    /** Writes the subscription and its log in the caller's transaction and returns how many log rows. */
    int seed();
}
