package io.tidecrm.catalog.internal;

import io.tidecrm.support.RuleViolation;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product catalog, readable by every signed-in user at {@code /catalog/products};
 * administrators create and edit products under {@code /admin/products} (the security
 * configuration keeps {@code /admin/**} for them).
 */
@Controller
class ProductController {

    private final CatalogManagement catalog;
    private final ProductAdministration administration;

    ProductController(CatalogManagement catalog, ProductAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    @GetMapping("/catalog/products")
    String list(Model model) {
        model.addAttribute("products", catalog.findAll());
        return "catalog/product-list";
    }

    @GetMapping("/admin/products")
    String adminList(Model model) {
        model.addAttribute("products", catalog.findAll());
        model.addAttribute("admin", true);
        return "catalog/product-list";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Model model) {
        model.addAttribute("form", ProductForm.empty());
        return "catalog/product-form";
    }

    @PostMapping("/admin/products")
    String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return save(null, form, result, user, redirect);
    }

    @GetMapping("/admin/products/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", ProductForm.of(administration.load(id)));
        model.addAttribute("productId", id);
        return "catalog/product-form";
    }

    @PostMapping("/admin/products/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        administration.load(id);
        model.addAttribute("productId", id);
        return save(id, form, result, user, redirect);
    }

    private String save(Long id, ProductForm form, BindingResult result, CurrentUser user,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "catalog/product-form";
        }
        try {
            if (id == null) {
                administration.create(form, user.id());
            } else {
                administration.update(id, form, user.id());
            }
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "catalog/product-form";
        }
        Flash.success(redirect, id == null ? "product.created" : "product.updated", form.category() + " · " + form.name());
        return "redirect:/admin/products";
    }
}
