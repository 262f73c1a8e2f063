package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

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

/** Contacts: added and edited from the customer page, and listed on a page of their own. */
@Controller
class ContactController {

    private final ContactService contacts;
    private final CustomerDirectory customers;

    ContactController(ContactService contacts, CustomerDirectory customers) {
        this.contacts = contacts;
        this.customers = customers;
    }

    @GetMapping("/contacts")
    String list(@ModelAttribute("query") ContactListQuery query, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        model.addAttribute("page", contacts.list(query, user));
        return "customer/contact-list";
    }

    @GetMapping("/customers/{customerId}/contacts/new")
    String newContact(@PathVariable long customerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("customer", customers.findVisible(customerId, user));
        model.addAttribute("form", ContactForm.empty());
        return "customer/contact-form";
    }

    @PostMapping("/customers/{customerId}/contacts")
    String create(@PathVariable long customerId, @Valid @ModelAttribute("form") ContactForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        var customer = customers.findVisible(customerId, user);
        if (result.hasErrors()) {
            model.addAttribute("customer", customer);
            return "customer/contact-form";
        }
        try {
            contacts.create(customerId, form, user);
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            model.addAttribute("customer", customer);
            return "customer/contact-form";
        }
        Flash.success(redirect, "contact.created", form.name());
        return "redirect:/customers/" + customerId;
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Contact contact = contacts.loadVisible(id, user);
        model.addAttribute("customer", customers.findVisible(contact.getCustomerId(), user));
        model.addAttribute("form", contact.toForm());
        model.addAttribute("contactId", id);
        return "customer/contact-form";
    }

    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Contact contact = contacts.loadVisible(id, user);
        model.addAttribute("customer", customers.findVisible(contact.getCustomerId(), user));
        model.addAttribute("contactId", id);
        if (result.hasErrors()) {
            return "customer/contact-form";
        }
        try {
            long customerId = contacts.update(id, form, user);
            Flash.success(redirect, "contact.updated", form.name());
            return "redirect:/customers/" + customerId;
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "customer/contact-form";
        }
    }
}
