package io.tidecrm.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the product catalog. A disabled product is no longer offered for new lines,
 * but records that name it keep showing it, so every product stays readable by id.
 */
public interface CatalogManagement {

    /** All products, enabled first, by category and name. */
    List<ProductSummary> findAll();

    /** The products that may go on new lines, by category and name. */
    List<ProductSummary> findEnabled();

    /** A product, enabled or not. */
    Optional<ProductSummary> findById(long id);

    /** The products with these ids, enabled or not, in one query; unknown ids are absent from the map. */
    Map<Long, ProductSummary> findByIds(Collection<Long> ids);
}
