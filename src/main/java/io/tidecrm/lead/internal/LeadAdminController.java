package io.tidecrm.lead.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.quartz.SchedulerException;
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
 * The administrators' lead pages (under /admin, administrators only): the settings, the ordered
 * assignment rules, the reps' daily capacities, the dry run and a run by hand.
 */
@Controller
class LeadAdminController {

    private final LeadRules rules;
    private final LeadAssignment assignment;
    private final LeadJobs jobs;
    private final LeadSchedule schedule;
    private final UserManagement users;

    LeadAdminController(LeadRules rules, LeadAssignment assignment, LeadJobs jobs, LeadSchedule schedule,
            UserManagement users) {
        this.rules = rules;
        this.assignment = assignment;
        this.jobs = jobs;
        this.schedule = schedule;
        this.users = users;
    }

    @GetMapping("/admin/leads")
    String page(Model model) {
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", rules.settings());
        }
        model.addAttribute("rules", rules.rules());
        model.addAttribute("capacities", rules.capacities());
        model.addAttribute("userNames", users.findEnabledUsers().stream()
                .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::displayName)));
        model.addAttribute("teamNames", users.findTeams().stream()
                .collect(java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name())));
        return "lead/admin";
    }

    @PostMapping("/admin/leads/settings")
    String settings(@Valid @ModelAttribute("settings") LeadSettings form, BindingResult result, Model model,
            RedirectAttributes redirect) throws SchedulerException {
        if (!result.hasErrors()) {
            try {
                rules.updateSettings(form);
                schedule.apply();
                Flash.success(redirect, "lead.settings.saved");
                return "redirect:/admin/leads";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return page(model);
    }

    @PostMapping("/admin/leads/capacity")
    String capacity(@RequestParam(required = false) Long userId, @RequestParam(required = false) Integer capacity,
            RedirectAttributes redirect) {
        try {
            if (userId == null) {
                throw new RuleViolation("userId", "lead.capacity.userId.invalid");
            }
            rules.setCapacity(userId, capacity);
            Flash.success(redirect, "lead.capacity.saved");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/admin/leads#capacities";
    }

    @GetMapping("/admin/leads/rules/new")
    String newRule(Model model) {
        model.addAttribute("form", RuleForm.empty((rules.rules().size() + 1) * 10));
        return showRule(null, model);
    }

    @PostMapping("/admin/leads/rules")
    String create(@Valid @ModelAttribute("form") RuleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                rules.create(form);
                Flash.success(redirect, "lead.rule.saved", form.name().strip());
                return "redirect:/admin/leads";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showRule(null, model);
    }

    @GetMapping("/admin/leads/rules/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", rules.rule(id).toForm());
        return showRule(id, model);
    }

    @PostMapping("/admin/leads/rules/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") RuleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        rules.rule(id);
        if (!result.hasErrors()) {
            try {
                rules.update(id, form);
                Flash.success(redirect, "lead.rule.saved", form.name().strip());
                return "redirect:/admin/leads";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return showRule(id, model);
    }

    @PostMapping("/admin/leads/rules/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        rules.delete(id);
        Flash.success(redirect, "lead.rule.deleted");
        return "redirect:/admin/leads";
    }

    @GetMapping("/admin/leads/dry-run")
    String dryRun(Model model) {
        model.addAttribute("rows", assignment.dryRun());
        return "lead/dry-run";
    }

    @PostMapping("/admin/leads/run")
    String run(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        LeadJobs.Outcome outcome = jobs.runDaily(null, true);
        Flash.success(redirect, "lead.run.done", outcome.assigned());
        return "redirect:/admin/leads/dry-run";
    }

    private String showRule(Long id, Model model) {
        model.addAttribute("ruleId", id);
        model.addAttribute("targets", RuleTarget.values());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("users", users.findEnabledUsers().stream().filter(u -> u.role() != Role.ADMIN).toList());
        model.addAttribute("teams", users.findTeams());
        return "lead/rule-form";
    }
}
