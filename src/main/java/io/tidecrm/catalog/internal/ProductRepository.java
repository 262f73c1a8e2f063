package io.tidecrm.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, Long> {

    @Query("select p from Product p order by p.enabled desc, p.category, p.name")
    List<Product> findAllForListing();

    @Query("select p from Product p where p.enabled order by p.category, p.name")
    List<Product> findEnabledForListing();

    /** Whether another product (not {@code exceptId}) already has this category and name. */
    boolean existsByCategoryAndNameAndIdNot(String category, String name, long exceptId);
}
