package io.tidecrm.catalog.internal;

import java.util.List;
import java.util.Optional;

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
    public Optional<ProductSummary> findById(long id) {
        return products.findById(id).map(Product::toSummary);
    }
}
