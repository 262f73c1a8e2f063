package io.tidecrm.service.internal;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.service.internal.TicketActionForms.AssignForm;
import io.tidecrm.service.internal.TicketActionForms.CloseForm;
import io.tidecrm.service.internal.TicketActionForms.EntryForm;
import io.tidecrm.service.internal.TicketActionForms.ReopenForm;
import io.tidecrm.service.internal.TicketActionForms.ResolveForm;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ticket pages: the lists, the ticket page with its actions, and record (from the customer page)
 * and edit. Every change redirects back with a flash message; a refused one shows the page again
 * with the input kept and the message next to the field.
 */
@Controller
class TicketController {

    private final TicketService tickets;
    private final TicketQueries queries;
    private final TicketAccess access;
    private final CustomerManagement customers;
    private final Handover handover;
    private final ServiceReport report;

    TicketController(TicketService tickets, TicketQueries queries, TicketAccess access, CustomerManagement customers,
            Handover handover, ServiceReport report) {
        this.handover = handover;
        this.report = report;
        this.tickets = tickets;
        this.queries = queries;
        this.access = access;
        this.customers = customers;
    }

    @GetMapping("/tickets")
    String list(@ModelAttribute("query") TicketListQuery query, @AuthenticationPrincipal CurrentUser user, Model model) {
        TicketListQuery applied = user.role() == Role.REP ? query.withoutOwner() : query;
        model.addAttribute("query", applied);
        model.addAttribute("view", applied.viewOrDefault());
        model.addAttribute("page", queries.list(applied, user));
        model.addAttribute("owners", queries.ownerChoices(user));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("kinds", TicketKind.values());
        return "service/list";
    }

    @GetMapping("/tickets/report")
    String report(@RequestParam(required = false) Integer days, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("report", report.report(days == null ? ServiceReport.PERIODS.get(0) : days, user));
        model.addAttribute("periods", ServiceReport.PERIODS);
        return "service/report";
    }

    @GetMapping("/tickets/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        TicketDetails details = queries.details(id, user);
        model.addAttribute("t", details);
        long version = details.ticket().version();
        model.addAttribute("entryKinds", details.mayWork() && details.ticket().status().isOpen()
                ? new EntryKind[] { EntryKind.REPLY, EntryKind.COMMENT } : new EntryKind[] { EntryKind.COMMENT });
        model.addAttribute("satisfactions", new int[] { 5, 4, 3, 2, 1 });
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", new EntryForm(EntryKind.COMMENT, ""));
        }
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm("", version));
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm(null, "", version));
        }
        if (!model.containsAttribute("reopenForm")) {
            model.addAttribute("reopenForm", new ReopenForm("", version));
        }
        if (details.mayReassign()) {
            model.addAttribute("assignees", tickets.assignees(user));
            if (!model.containsAttribute("assignForm")) {
                model.addAttribute("assignForm", new AssignForm(null, "", version));
            }
        }
        return "service/detail";
    }

    @GetMapping("/customers/{customerId}/tickets/new")
    String newTicket(@PathVariable long customerId, @RequestParam(required = false) TicketKind kind,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", TicketForm.empty(kind == null ? TicketKind.REQUEST : kind));
        CustomerRef customer = customers.findVisible(customerId, user);
        return showForm(customer.id(), customer.name(), null, user, model);
    }

    @PostMapping("/customers/{customerId}/tickets")
    String create(@PathVariable long customerId, @Valid @ModelAttribute("form") TicketForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        CustomerRef customer = customers.findVisible(customerId, user);
        if (!result.hasErrors()) {
            try {
                long id = tickets.create(customerId, form, user);
                Flash.success(redirect, "ticket.created", form.title().strip());
                return "redirect:/tickets/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(customer.id(), customer.name(), null, user, model);
    }

    /** The page that names the customer's service contact (handover), linked from the customer page. */
    @GetMapping("/customers/{customerId}/service-contact")
    String serviceContactForm(@PathVariable long customerId, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        CustomerRef customer = customers.findVisible(customerId, user);
        if (!handover.mayName(customer, user)) {
            Flash.error(redirect, "handover.notAllowed");
            return "redirect:/customers/" + customerId;
        }
        model.addAttribute("form", new ServiceContactForm(handover.contactOf(customerId).orElse(null)));
        return showServiceContactForm(customer, model);
    }

    /** Names the customer's service contact; a refused choice shows the page again with the message at the field. */
    @PostMapping("/customers/{customerId}/service-contact")
    String nameServiceContact(@PathVariable long customerId, @ModelAttribute("form") ServiceContactForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                handover.name(customerId, form.userId(), user);
                Flash.success(redirect, "handover.named");
                return "redirect:/customers/" + customerId + "#ticket-panel";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showServiceContactForm(customers.findVisible(customerId, user), model);
    }

    private String showServiceContactForm(CustomerRef customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("choices", handover.choices());
        return "service/contact";
    }

    @GetMapping("/tickets/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Ticket t = access.loadVisible(id, user);
        model.addAttribute("form", new TicketForm(t.kind(), t.priority(), t.channel(), t.category(), t.contactId(),
                t.title(), t.description(), t.version()));
        return showForm(t.customerId(), queries.customerName(t.customerId()), t, user, model);
    }

    @PostMapping("/tickets/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") TicketForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Ticket t = access.loadVisible(id, user);
        if (!result.hasErrors()) {
            try {
                tickets.update(id, form, user);
                Flash.success(redirect, "ticket.updated", form.title().strip());
                return "redirect:/tickets/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(t.customerId(), queries.customerName(t.customerId()), t, user, model);
    }

    @PostMapping("/tickets/{id}/start")
    String start(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            tickets.start(id, version, user);
            Flash.success(redirect, "ticket.started");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/tickets/{id}/resolve")
    String resolve(@PathVariable long id, @Valid @ModelAttribute("resolveForm") ResolveForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "ticket.resolved", () -> tickets.resolve(id, form, user));
    }

    @PostMapping("/tickets/{id}/close")
    String close(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "ticket.closed", () -> tickets.close(id, form, user));
    }

    @PostMapping("/tickets/{id}/reopen")
    String reopen(@PathVariable long id, @Valid @ModelAttribute("reopenForm") ReopenForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "ticket.reopened", () -> tickets.reopen(id, form, user));
    }

    @PostMapping("/tickets/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "ticket.assigned", () -> tickets.assign(id, form, user));
    }

    @PostMapping("/tickets/{id}/entries")
    String addEntry(@PathVariable long id, @Valid @ModelAttribute("entryForm") EntryForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "ticket.entry.saved", () -> tickets.addEntry(id, form, user));
    }

    /** Runs an action of the ticket page: back to the page with a flash, or the page again with the refusal on its form. */
    private String act(long id, BindingResult result, CurrentUser user, Model model, RedirectAttributes redirect,
            String doneKey, Runnable action) {
        access.loadVisible(id, user);
        if (!result.hasErrors()) {
            try {
                action.run();
                Flash.success(redirect, doneKey);
                return "redirect:/tickets/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return detail(id, user, model);
    }

    /** The customer as the form's heading names it: enough for a link and a name. */
    record CustomerLabel(long id, String name) {
    }

    private String showForm(long customerId, String customerName, Ticket ticket, CurrentUser user, Model model) {
        model.addAttribute("customer", new CustomerLabel(customerId, customerName));
        model.addAttribute("ticketId", ticket == null ? null : ticket.id());
        model.addAttribute("kinds", TicketKind.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("categories", TicketCategory.values());
        model.addAttribute("contacts", ticket == null || canSeeCustomer(ticket.customerId(), user)
                ? customers.contactsOf(customerId, user) : java.util.List.of());
        return "service/form";
    }

    private boolean canSeeCustomer(long customerId, CurrentUser user) {
        return !customers.visibleNames(java.util.List.of(customerId), user).isEmpty();
    }
}
