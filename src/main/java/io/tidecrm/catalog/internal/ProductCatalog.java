package io.tidecrm.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.catalog.ProductSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ProductCatalog implements CatalogManagement {

    private final ProductRepository products;

    ProductCatalog(ProductRepository products) {
        this.products = products;
    }

    @Override
    public List<ProductSummary> findAll() {
        return products.findAllForListing().stream().map(Product::toSummary).toList();
    }

    @Override
    public List<ProductSummary> findEnabled() {
        return products.findEnabledForListing().stream().map(Product::toSummary).toList();
    }

    @Override
    public Optional<ProductSummary> findById(long id) {
        return products.findById(id).map(Product::toSummary);
    }

    @Override
    public Map<Long, ProductSummary> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return products.findAllById(Set.copyOf(ids)).stream().map(Product::toSummary)
                .collect(Collectors.toMap(ProductSummary::id, Function.identity()));
    }
}
