package io.tidecrm.sales.internal;

import java.io.IOException;
import java.time.LocalDate;
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

/**
 * Opportunity pages: the list, the detail page with its stage form, and create (from the
 * customer page) and edit. The board's moves are answered by {@link PipelineController}.
 */
@Controller
class OpportunityController {

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;
    private final CustomerManagement customers;
    private final java.time.Clock clock;

    OpportunityController(OpportunityService opportunities, OpportunityQueries queries, CustomerManagement customers,
            java.time.Clock clock) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.customers = customers;
        this.clock = clock;
    }

    @ModelAttribute("stages")
    Stage[] stages() {
        return Stage.values();
    }

    @GetMapping("/opportunities")
    String list(@ModelAttribute("query") OpportunityListQuery query, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        OpportunityListQuery applied = user.role() == Role.REP ? query.withoutOwner() : query;
        model.addAttribute("query", applied);
        model.addAttribute("page", queries.list(applied, user));
        model.addAttribute("owners", queries.ownerChoices(user));
        return "sales/list";
    }

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return showDetail(id, user, model, null);
    }

    @GetMapping("/customers/{customerId}/opportunities/new")
    String newOpportunity(@PathVariable long customerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        OpportunityForm form = OpportunityForm.empty(LocalDate.now(clock).plusMonths(1));
        model.addAttribute("form", form);
        return showForm(customers.findVisible(customerId, user), null, form, List.of(), user, model);
    }

    @PostMapping("/customers/{customerId}/opportunities")
    String create(@PathVariable long customerId, @Valid @ModelAttribute("form") OpportunityForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        return save(customers.findVisible(customerId, user), null, form, result, user, model, request, redirect);
    }

    @GetMapping("/opportunities/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        OpportunityForm form = opportunities.formOf(id, user);
        model.addAttribute("form", form);
        return showForm(opportunities.customerOf(id, user), id, form, List.of(), user, model);
    }

    @PostMapping("/opportunities/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OpportunityForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        return save(opportunities.customerOf(id, user), id, form, result, user, model, request, redirect);
    }

    /** Creates (id null) or updates; a refused rule or bad input shows the form again with the input. */
    private String save(CustomerRef customer, Long id, OpportunityForm form, BindingResult result, CurrentUser user,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long saved;
                if (id == null) {
                    saved = opportunities.create(customer.id(), form, user);
                } else {
                    opportunities.update(id, form, user);
                    saved = id;
                }
                Flash.success(redirect, id == null ? "opportunity.created" : "opportunity.updated", form.title().strip());
                return "redirect:/opportunities/" + saved;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(customer, id, form, request.getParameterMap().keySet(), user, model);
    }

    /** The stage form of the detail page (no script needed); the board posts to the same address. */
    @PostMapping("/opportunities/{id}/stage")
    String moveStage(@PathVariable long id, @Valid @ModelAttribute("stageForm") StageForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                opportunities.moveStage(id, form, user);
                Flash.success(redirect, "opportunity.stageSaved");
                return "redirect:/opportunities/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showDetail(id, user, model, form);
    }

    /**
     * Line indexes beyond the list that binding will grow (256 rows) come only from a
     * hand-made request: a bad request, not a server error.
     */
    @ExceptionHandler(IndexOutOfBoundsException.class)
    void lineIndexOutOfRange(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private String showDetail(long id, CurrentUser user, Model model, StageForm submitted) {
        OpportunityDetails details = opportunities.details(id, user);
        model.addAttribute("opportunity", details);
        model.addAttribute("stageTargets", details.stage().targetsFor(user));
        if (submitted == null) {
            model.addAttribute("stageForm", new StageForm(null, "", details.version()));
        }
        return "sales/detail";
    }

    /** The form page; {@code form} is null when the input could not build one (see {@link LineRows}). */
    private String showForm(CustomerRef customer, Long id, OpportunityForm form, Iterable<String> parameterNames,
            CurrentUser user, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("lineRows", LineRows.of(form == null ? null : form.rows(), LineForm::isBlank,
                OpportunityForm.MAX_LINES, parameterNames));
        model.addAttribute("opportunityId", id);
        model.addAttribute("openStages", Stage.open());
        model.addAttribute("products", opportunities.productChoices(id, user));
        return "sales/form";
    }
}
