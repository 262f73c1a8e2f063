package io.tidecrm.events.internal;

import io.tidecrm.events.DeliveryHealth;
import org.springframework.stereotype.Component;

@Component
class DeliveryHealthQuery implements DeliveryHealth {

    private final EventPublications publications;

    DeliveryHealthQuery(EventPublications publications) {
        this.publications = publications;
    }

    @Override
    public long incompleteDeliveries() {
        return publications.counts().incomplete();
    }
}
