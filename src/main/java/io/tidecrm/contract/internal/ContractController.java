package io.tidecrm.contract.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.LineRows;
import io.tidecrm.support.PageLinks;
import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contract pages: the list, the detail page, and create (from the customer page) and edit. */
@Controller
class ContractController {

    private final ContractEditing editing;
    private final ContractQueries queries;
    private final ContractDetailPage detailPage;
    private final CustomerManagement customers;
    private final Clock clock;

    ContractController(ContractEditing editing, ContractQueries queries, ContractDetailPage detailPage,
            CustomerManagement customers, Clock clock) {
        this.editing = editing;
        this.queries = queries;
        this.detailPage = detailPage;
        this.customers = customers;
        this.clock = clock;
    }

    @GetMapping("/contracts")
    String list(@ModelAttribute("query") ContractListQuery query, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        ContractListQuery applied = user.role() == Role.REP ? query.withoutOwner() : query;
        model.addAttribute("query", applied);
        model.addAttribute("page", queries.list(applied, user));
        model.addAttribute("owners", queries.ownerChoices(user));
        model.addAttribute("approvalStates", ApprovalState.values());
        model.addAttribute("statuses", ContractStatus.values());
        return "contract/list";
    }

    @GetMapping("/contracts/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return detailPage.show(id, user, model);
    }

    @GetMapping("/customers/{customerId}/contracts/new")
    String newContract(@PathVariable long customerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        ContractForm form = ContractForm.empty(LocalDate.now(clock), user.id());
        model.addAttribute("form", form);
        return showForm(customers.findVisible(customerId, user), null, form, List.of(), user, model);
    }

    @PostMapping("/customers/{customerId}/contracts")
    String create(@PathVariable long customerId, @Valid @ModelAttribute("form") ContractForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        return save(customers.findVisible(customerId, user), null, form, result, user, model, request, redirect);
    }

    @GetMapping("/contracts/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ContractForm form = editing.formOf(id, user);
        model.addAttribute("form", form);
        return showForm(editing.customerOf(id, user), id, form, List.of(), user, model);
    }

    @PostMapping("/contracts/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ContractForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        return save(editing.customerOf(id, user), id, form, result, user, model, request, redirect);
    }

    /** Creates (id null) or updates; a refused rule or bad input shows the form again with the input. */
    private String save(CustomerRef customer, Long id, ContractForm form, BindingResult result, CurrentUser user,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long saved;
                if (id == null) {
                    saved = editing.create(customer.id(), form, user);
                } else {
                    editing.update(id, form, user);
                    saved = id;
                }
                Flash.success(redirect, id == null ? "contract.created" : "contract.updated", form.title().strip());
                return "redirect:/contracts/" + saved;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(customer, id, form, request.getParameterMap().keySet(), user, model);
    }

    /**
     * Line indexes beyond the list that binding will grow (256 rows) come only from a
     * hand-made request: a bad request, not a server error.
     */
    @ExceptionHandler(IndexOutOfBoundsException.class)
    void lineIndexOutOfRange(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** The form page; {@code form} is null when the input could not build one (see {@link LineRows}). */
    private String showForm(CustomerRef customer, Long id, ContractForm form, Iterable<String> parameterNames,
            CurrentUser user, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("lineRows", LineRows.of(form == null ? null : form.rows(), ContractLineForm::isBlank,
                ContractForm.MAX_LINES, parameterNames));
        model.addAttribute("contractId", id);
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("paymentMethods", PaymentMethod.values());
        model.addAttribute("products", editing.productChoices(id, user));
        model.addAttribute("contacts", customers.contactsOf(customer.id(), user));
        model.addAttribute("signatories", editing.signatoryChoices());
        return "contract/form";
    }
}
