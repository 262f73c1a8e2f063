package io.tidecrm.catalog;

import java.util.List;
import java.util.Optional;

/** Read access to the product catalog. */
public interface CatalogManagement {

    /** All products, enabled first, by category and name. */
    List<ProductSummary> findAll();

    Optional<ProductSummary> findById(long id);
}
