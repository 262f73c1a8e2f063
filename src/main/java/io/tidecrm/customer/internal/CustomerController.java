package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.tidecrm.customer.CustomerPanel;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.Retention;
import io.tidecrm.customer.ServiceCodeStatus;
import io.tidecrm.customer.StaffSize;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rep's customer pages: list, detail, create, edit and transfer. */
@Controller
@RequestMapping("/customers")
class CustomerController {

    private final CustomerDirectory customers;
    private final CustomerEditing editing;
    private final CustomerOwnership ownership;
    private final CustomerDetailReader reader;
    private final CustomerQueries queries;
    private final List<CustomerPanel> panels;
    private final BulkTransfer bulk;
    private final CustomerListRows listRows;

    CustomerController(CustomerDirectory customers, CustomerEditing editing, CustomerOwnership ownership,
            CustomerDetailReader reader, CustomerQueries queries, ObjectProvider<CustomerPanel> panels, BulkTransfer bulk,
            CustomerListRows listRows) {
        this.bulk = bulk;
        this.listRows = listRows;
        this.customers = customers;
        this.editing = editing;
        this.ownership = ownership;
        this.reader = reader;
        this.queries = queries;
        this.panels = panels.stream().sorted(Comparator.comparingInt(CustomerPanel::order)).toList();
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("sources", CustomerSource.values());
        model.addAttribute("staffSizes", StaffSize.values());
        model.addAttribute("serviceCodeStatuses", ServiceCodeStatus.values());
        model.addAttribute("retentions", Retention.values());
        model.addAttribute("dues", CustomerListQuery.Due.values());
        model.addAttribute("idles", CustomerListQuery.Idle.values());
        model.addAttribute("sorts", CustomerListQuery.Sort.values());
    }

    @GetMapping
    String list(@ModelAttribute("query") CustomerListQuery query, @AuthenticationPrincipal CurrentUser user,
            Locale locale, Model model) {
        model.addAttribute("page", queries.list(query, user).map(rows -> listRows.of(rows, locale)));
        model.addAttribute("tags", queries.tagsInScope(user));
        if (user.role() != Role.REP) {
            model.addAttribute("owners", Choice.of(ownership.transferTargets(user), UserSummary::id,
                    UserSummary::displayName));
        }
        return "customer/list";
    }

    @GetMapping("/new")
    String newCustomer(Model model) {
        model.addAttribute("form", CustomerForm.empty());
        return "customer/form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "customer/form";
        }
        long id;
        try {
            id = editing.create(form, user);
        } catch (DuplicateCustomerException e) {
            model.addAttribute("duplicate", e.duplicate());
            return "customer/form";
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "customer/form";
        }
        Flash.success(redirect, "customer.created", form.name());
        return "redirect:/customers/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CustomerDetailReader.Details details = reader.details(id, user);
        model.addAttribute("customer", details.customer());
        model.addAttribute("contacts", details.contacts());
        model.addAttribute("history", details.history());
        CustomerRef ref = details.ref();
        for (CustomerPanel panel : panels) {
            panel.populate(ref, user, model.asMap());
        }
        model.addAttribute("panels", panels.stream().map(CustomerPanel::fragment).toList());
        return "customer/detail";
    }

    /** The header facts alone: the page reloads them after a follow-up changed status or next time. */
    @GetMapping("/{id}/facts")
    String facts(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("customer", reader.details(id, user).customer());
        return "customer/detail :: factsUpdate";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", editing.formOf(id, user));
        model.addAttribute("customerId", id);
        return "customer/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CustomerForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        customers.findVisible(id, user);
        model.addAttribute("customerId", id);
        if (result.hasErrors()) {
            return "customer/form";
        }
        try {
            editing.update(id, form, user);
        } catch (DuplicateCustomerException e) {
            model.addAttribute("duplicate", e.duplicate());
            return "customer/form";
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "customer/form";
        }
        Flash.success(redirect, "customer.updated", form.name());
        return "redirect:/customers/" + id;
    }

    @GetMapping("/{id}/transfer")
    String transferForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireCanTransfer(user);
        var customer = customers.findVisible(id, user);
        model.addAttribute("customer", customer);
        model.addAttribute("form", TransferForm.empty());
        model.addAttribute("targets", ownership.transferTargets(user, customer.ownerId()));
        return "customer/transfer";
    }

    @PostMapping("/{id}/transfer")
    String transfer(@PathVariable long id, @Valid @ModelAttribute("form") TransferForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        requireCanTransfer(user);
        var customer = customers.findVisible(id, user);
        if (!result.hasErrors()) {
            try {
                ownership.transfer(id, form.targetUserId(), form.reason(), user);
                Flash.success(redirect, "customer.transferred", customer.name());
                return "redirect:/customers/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        model.addAttribute("customer", customer);
        model.addAttribute("targets", ownership.transferTargets(user, customer.ownerId()));
        return "customer/transfer";
    }

    /**
     * A manager transfers the customers ticked on the list: each in its own transaction, the
     * result says which were transferred and which were refused and why.
     */
    @PostMapping("/bulk-transfer")
    String bulkTransfer(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long targetUserId, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        requireCanTransfer(user);
        if (ids == null || ids.isEmpty()) {
            Flash.error(redirect, "customer.bulk.noneSelected");
        } else if (targetUserId == null || reason == null || reason.isBlank() || reason.length() > 500) {
            Flash.error(redirect, "customer.bulk.targetAndReason");
        } else {
            try {
                List<io.tidecrm.support.BulkOutcome> outcomes = bulk.transfer(ids, targetUserId, reason, user);
                long done = outcomes.stream().filter(io.tidecrm.support.BulkOutcome::done).count();
                if (done == outcomes.size()) {
                    Flash.success(redirect, "customer.bulk.allTransferred", done);
                } else {
                    Flash.warning(redirect, "customer.bulk.someRefused", done, outcomes.size() - done);
                }
                redirect.addFlashAttribute("bulkOutcomes", outcomes);
            } catch (RuleViolation e) {
                Flash.error(redirect, e);
            }
        }
        return "redirect:/customers";
    }

    private static void requireCanTransfer(CurrentUser user) {
        if (user.role() == Role.REP) {
            throw new org.springframework.security.access.AccessDeniedException("Only managers transfer customers");
        }
    }
}
