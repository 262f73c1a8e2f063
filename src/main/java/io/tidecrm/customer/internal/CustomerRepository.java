package io.tidecrm.customer.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The customer with this credit code (unique), for the import's matching. */
    Optional<Customer> findByCreditCode(String creditCode);

    /** The customer with this normalised name (unique), for the import's matching. */
    Optional<Customer> findByNameKey(String nameKey);
}
