package io.tidecrm.catalog.internal;

import io.tidecrm.catalog.CatalogManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The product catalog, readable by every signed-in user. */
@Controller
class ProductController {

    private final CatalogManagement catalog;

    ProductController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalog/products")
    String list(Model model) {
        model.addAttribute("products", catalog.findAll());
        return "catalog/product-list";
    }
}
