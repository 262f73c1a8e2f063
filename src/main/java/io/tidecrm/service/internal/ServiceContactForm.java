package io.tidecrm.service.internal;

import io.tidecrm.support.Label;

/** The customer's service contact to name (handover); who may be named is Handover's rule. */
@Label("handover")
public record ServiceContactForm(@Label("handover.user") Long userId) {
}
