package io.tidecrm.pool.internal;

import java.time.Clock;

import io.tidecrm.identity.CurrentUser;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the pool rules, and the runs of the nightly jobs (with "run now"). */
@Controller
class PoolAdminController {

    private final PoolRulesStore rules;
    private final PoolSchedule schedule;
    private final PoolJobs jobs;
    private final PoolQueries queries;
    private final Clock clock;

    PoolAdminController(PoolRulesStore rules, PoolSchedule schedule, PoolJobs jobs, PoolQueries queries, Clock clock) {
        this.rules = rules;
        this.schedule = schedule;
        this.jobs = jobs;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/admin/pool-rules")
    String rulesForm(Model model) {
        model.addAttribute("form", PoolForms.RulesForm.of(rules.rules()));
        return "pool/rules";
    }

    @PostMapping("/admin/pool-rules")
    String saveRules(@Valid @ModelAttribute("form") PoolForms.RulesForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws SchedulerException {
        if (result.hasErrors()) {
            return "pool/rules";
        }
        if (!form.warningTime().isBefore(form.reclaimTime())) {
            result.rejectValue("warningTime", "pool.rules.warningBeforeReclaim");
            return "pool/rules";
        }
        try {
            rules.update(form.toRules(rules.rules()), user.id());
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "pool/rules";
        }
        schedule.apply();
        Flash.success(redirect, "rules.saved");
        return "redirect:/admin/pool-rules";
    }

    @GetMapping("/admin/pool-runs")
    String runs(Model model) {
        model.addAttribute("runs", queries.recentRuns(100));
        return "pool/runs";
    }

    @PostMapping("/admin/pool-runs/{job}")
    String runNow(@PathVariable String job, RedirectAttributes redirect) {
        PoolJobs.Outcome outcome = switch (job) {
            case "reclaim" -> jobs.reclaim(clock.instant(), true);
            case "warning" -> jobs.warn(clock.instant(), true);
            default -> throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        };
        String message = "pool.run.done." + outcome.status();
        switch (outcome.status()) {
            case "DONE", "ALREADY_DONE" -> Flash.success(redirect, message, outcome.affected());
            case "FAILED" -> Flash.error(redirect, message, outcome.affected());
            default -> Flash.warning(redirect, message, outcome.affected());
        }
        return "redirect:/admin/pool-runs";
    }
}
