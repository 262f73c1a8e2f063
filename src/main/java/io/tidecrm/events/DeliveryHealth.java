package io.tidecrm.events;

/** How the deliveries through the event publication registry stand, for the administrator's home page. */
public interface DeliveryHealth {

    /** Deliveries not completed yet (failed, or still under way), as listed on the deliveries page. */
    long incompleteDeliveries();
}
