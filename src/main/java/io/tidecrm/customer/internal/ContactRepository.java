package io.tidecrm.customer.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

    @Query("select c from Contact c where c.customerId = ?1 order by c.primary desc, c.id")
    List<Contact> findByCustomer(long customerId);

    @Query("select c from Contact c where c.customerId = ?1 and c.id in ?2")
    List<Contact> findByCustomerAndIds(long customerId, Collection<Long> ids);

    /** Clears the primary mark of a customer's other contacts before one is marked primary. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query(value = "UPDATE contact SET is_primary = false WHERE customer_id = ?1 AND is_primary AND id <> ?2",
            nativeQuery = true)
    int clearPrimary(long customerId, long exceptId);
}
