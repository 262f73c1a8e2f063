package io.tidecrm.notification.internal;

import java.util.List;

import io.tidecrm.support.Label;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new webhook subscription: where to, the shared secret that signs the body, which events. */
@Label("webhookSubscription")
record WebhookSubscriptionForm(@NotBlank @Size(max = 60) @Label("webhookSubscription.name") String name,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s<>\"']{3,490}", message = "{webhook.invalid}")
        @Label("webhookSubscription.url") String url,
        @NotBlank @Size(min = 16, max = 100) @Label("webhookSubscription.secret") String secret,
        @NotEmpty @Label("webhookSubscription.events") List<WebhookEvent> events) {

    static WebhookSubscriptionForm empty() {
        return new WebhookSubscriptionForm("", "", "", List.of());
    }
}
