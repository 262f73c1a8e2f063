package io.tidecrm.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Customers that an import created, published once per transaction of the import (a batch of up
 * to a few hundred rows) instead of a {@link CustomerOwnerChanged} and a {@link CustomerObtained}
 * per customer: each publication is a row of the event publication registry written and completed
 * once per listener, which made them most of an import's statements. A listener takes each
 * customer as the single facts ({@link #ownerChanges()}, {@link #obtained()}) that a creation
 * through the form publishes, so what it records is the same as for one customer at a time.
 *
 * @param customers the customers created, in the order of the rows
 * @param importedById the user who ran the import
 * @param occurredAt the import's time (the customers' clocks start there)
 * @param businessDate the import's day in the configured zone
 */
public record CustomersImported(List<Imported> customers, long importedById, Instant occurredAt,
        LocalDate businessDate) {

    public CustomersImported {
        customers = List.copyOf(customers);
    }

    /**
     * One customer created by the import.
     *
     * @param ownerId null when the row gave it to the pool
     * @param ownerTeamId the owner's team at the import
     */
    public record Imported(long customerId, String customerName, CustomerType type, Long ownerId, Long ownerTeamId) {
    }

    /** Each customer's arrival as its owner change from nobody (kind {@link OwnerChangeKind#IMPORTED}). */
    public List<CustomerOwnerChanged> ownerChanges() {
        return customers.stream()
                .map(c -> new CustomerOwnerChanged(c.customerId(), c.customerName(), null, c.ownerId(), importedById,
                        OwnerChangeKind.IMPORTED, null, occurredAt))
                .toList();
    }

    /** The customers given to an owner (not the pool's) as the fact of a new customer for the boards. */
    public List<CustomerObtained> obtained() {
        return customers.stream().filter(c -> c.ownerId() != null)
                .map(c -> new CustomerObtained(c.customerId(), c.customerName(), c.type(), c.ownerId(), c.ownerTeamId(),
                        null, OwnerChangeKind.IMPORTED, importedById, occurredAt, businessDate))
                .toList();
    }
}
