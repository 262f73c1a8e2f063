package io.tidecrm.lead.internal;

import java.util.List;

import io.tidecrm.customer.CustomerSource;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.lead.internal.LeadActionForms.AssignForm;
import io.tidecrm.lead.internal.LeadActionForms.CloseForm;
import io.tidecrm.lead.internal.LeadActionForms.FollowUpForm;
import io.tidecrm.lead.internal.LeadActionForms.InvalidForm;
import io.tidecrm.lead.internal.LeadActionForms.ReviewDecision;
import io.tidecrm.lead.internal.LeadActionForms.ReviewForm;
import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.Times;
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
 * Lead pages: the lists (mine, all I see, the lead pool, waiting for review), the lead page with
 * its actions, the form, and the conversion. Every change redirects back with a flash message; a
 * refused one shows the page again with the input kept and the message next to the field.
 */
@Controller
class LeadController {

    private final LeadService leads;
    private final LeadQueries queries;
    private final LeadAccess access;
    private final LeadDuplicates duplicates;
    private final LeadConversion conversion;
    private final LeadReport report;
    private final FollowUpManagement followUps;
    private final Times times;

    LeadController(LeadService leads, LeadQueries queries, LeadAccess access, LeadDuplicates duplicates,
            LeadConversion conversion, LeadReport report, FollowUpManagement followUps, Times times) {
        this.leads = leads;
        this.queries = queries;
        this.access = access;
        this.duplicates = duplicates;
        this.conversion = conversion;
        this.report = report;
        this.followUps = followUps;
        this.times = times;
    }

    @GetMapping("/leads")
    String list(@ModelAttribute("query") LeadListQuery query, @AuthenticationPrincipal CurrentUser user, Model model) {
        LeadListQuery applied = user.role() == Role.REP ? query.withoutOwner() : query;
        model.addAttribute("query", applied);
        model.addAttribute("view", applied.viewOrDefault());
        model.addAttribute("page", queries.list(applied, user));
        model.addAttribute("owners", queries.ownerChoices(user));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("sources", LeadSource.values());
        return "lead/list";
    }

    @GetMapping("/leads/report")
    String report(@RequestParam(required = false) Integer days, @AuthenticationPrincipal CurrentUser user, Model model) {
        int period = days != null && LeadReport.PERIODS.contains(days) ? days : LeadReport.PERIODS.get(0);
        model.addAttribute("report", report.report(period, user));
        model.addAttribute("periods", LeadReport.PERIODS);
        model.addAttribute("days", period);
        return "lead/report";
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        model.addAttribute("form", LeadForm.empty());
        return showForm(null, model);
    }

    @PostMapping("/leads")
    String create(@Valid @ModelAttribute("form") LeadForm form, BindingResult result,
            @RequestParam(defaultValue = "false") boolean duplicateConfirmed, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                if (!duplicateConfirmed) {
                    var found = duplicates.find(form.companyName(), form.creditCode(), form.mobile(), form.email(),
                            null, user);
                    if (!found.isEmpty()) {
                        model.addAttribute("duplicates", found);
                        return showForm(null, model);
                    }
                }
                long id = leads.create(form, user);
                Flash.success(redirect, "lead.created", form.companyName().strip());
                return "redirect:/leads/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(null, model);
    }

    @GetMapping("/leads/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        LeadQueries.Details details = queries.details(id, user);
        model.addAttribute("d", details);
        long version = details.lead().version();
        if (!model.containsAttribute("invalidForm")) {
            model.addAttribute("invalidForm", new InvalidForm("", version));
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm("", version));
        }
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", new FollowUpForm("PHONE",
                    java.time.LocalDateTime.parse(times.nowLocalInput()), "", null));
        }
        model.addAttribute("followUpKinds", followUps.kinds());
        if (details.mayManage()) {
            model.addAttribute("assignees", leads.assignees(user));
            if (!model.containsAttribute("assignForm")) {
                model.addAttribute("assignForm", new AssignForm(null, version));
            }
            if (!model.containsAttribute("reviewForm")) {
                model.addAttribute("reviewForm", new ReviewForm(ReviewDecision.CLOSE, null, version));
            }
        }
        return "lead/detail";
    }

    @GetMapping("/leads/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Lead lead = access.loadReadable(id, user);
        model.addAttribute("form", LeadForm.of(lead));
        return showForm(id, model);
    }

    @PostMapping("/leads/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") LeadForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        access.loadReadable(id, user);
        if (!result.hasErrors()) {
            try {
                leads.update(id, form, user);
                Flash.success(redirect, "lead.updated", form.companyName().strip());
                return "redirect:/leads/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showForm(id, model);
    }

    @PostMapping("/leads/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return simple(id, user, redirect, "lead.confirmed", () -> leads.confirm(id, version, user));
    }

    @PostMapping("/leads/{id}/nurture")
    String nurture(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return simple(id, user, redirect, "lead.nurtured", () -> leads.nurture(id, version, user));
    }

    @PostMapping("/leads/{id}/return")
    String returnToPool(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return simple(id, user, redirect, "lead.returned", () -> leads.returnToPool(id, version, user));
    }

    @PostMapping("/leads/{id}/pick")
    String pick(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return simple(id, user, redirect, "lead.picked", () -> leads.pick(id, user));
    }

    @PostMapping("/leads/{id}/invalid")
    String invalid(@PathVariable long id, @Valid @ModelAttribute("invalidForm") InvalidForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "lead.markedInvalid", () -> leads.markInvalid(id, form, user));
    }

    @PostMapping("/leads/{id}/review")
    String review(@PathVariable long id, @Valid @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "lead.reviewed", () -> leads.review(id, form, user));
    }

    @PostMapping("/leads/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "lead.assigned", () -> leads.assign(id, form, user));
    }

    @PostMapping("/leads/{id}/close")
    String close(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "lead.closed", () -> leads.close(id, form, user));
    }

    @PostMapping("/leads/{id}/follow-ups")
    String followUp(@PathVariable long id, @Valid @ModelAttribute("followUpForm") FollowUpForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return act(id, result, user, model, redirect, "lead.followUp.saved", () -> leads.followUp(id, form, user));
    }

    @GetMapping("/leads/{id}/convert")
    String convertForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Lead lead = access.loadReadable(id, user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ConversionForm.of(lead));
        }
        return showConversion(lead, user, model);
    }

    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable long id, @Valid @ModelAttribute("form") ConversionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Lead lead = access.loadReadable(id, user);
        if (!result.hasErrors()) {
            try {
                long customerId = conversion.convert(id, form, user);
                Flash.success(redirect, "lead.converted", lead.companyName());
                return "redirect:/customers/" + customerId;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
                if (e.concerns("name") || e.concerns("creditCode")) {
                    model.addAttribute("attachable", duplicates.find(form.name(), form.creditCode(), null, null, id, user)
                            .stream().filter(m -> m.kind().equals("CUSTOMER") && m.link() != null && !m.inPool())
                            .toList());
                }
            }
        }
        return showConversion(lead, user, model);
    }

    private String showConversion(Lead lead, CurrentUser user, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("customerSources", CustomerSource.values());
        if (!model.containsAttribute("attachable")) {
            model.addAttribute("attachable", List.of());
        }
        return "lead/convert";
    }

    private String simple(long id, CurrentUser user, RedirectAttributes redirect, String doneKey, Runnable action) {
        access.loadReadable(id, user);
        try {
            action.run();
            Flash.success(redirect, doneKey);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/leads/" + id;
    }

    private String act(long id, BindingResult result, CurrentUser user, Model model, RedirectAttributes redirect,
            String doneKey, Runnable action) {
        access.loadReadable(id, user);
        if (!result.hasErrors()) {
            try {
                action.run();
                Flash.success(redirect, doneKey);
                return "redirect:/leads/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return detail(id, user, model);
    }

    private String showForm(Long id, Model model) {
        model.addAttribute("leadId", id);
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("verifiable", LeadForm.VERIFIABLE);
        if (!model.containsAttribute("duplicates")) {
            model.addAttribute("duplicates", List.of());
        }
        return "lead/form";
    }
}
