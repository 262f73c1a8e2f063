package io.tidecrm.customer;

import java.time.Instant;
import java.util.List;

/**
 * An import was undone: the customers it created no longer exist (they were removed with their
 * contacts and owner history), and the customers it updated have their previous values again. A
 * read model that counted the created customers ({@link CustomersImported}) takes them back.
 *
 * @param removedCustomerIds the customers the import had created, now removed
 * @param restoredCustomerIds the customers it had updated, now as they were before it
 */
public record CustomerImportUndone(List<Long> removedCustomerIds, List<Long> restoredCustomerIds, Long byUserId,
        Instant undoneAt) {

    public CustomerImportUndone {
        removedCustomerIds = List.copyOf(removedCustomerIds);
        restoredCustomerIds = List.copyOf(restoredCustomerIds);
    }
}
