package io.tidecrm.fieldwork.internal;

import java.time.Clock;
import java.time.DayOfWeek;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' field work page (under /admin, administrators only): the report rules
 * (who must submit, on which days, which parts, how long before the deadline the reminder goes) and
 * the items of the behaviour self-check (added, renamed, moved up or down, disabled or enabled). A
 * refused item change comes back as a flash with what was typed.
 */
@Controller
class FieldworkAdminController {

    private final ReportRules rules;
    private final SelfChecks checks;
    private final ReminderSchedule schedule;
    private final Clock clock;

    FieldworkAdminController(ReportRules rules, SelfChecks checks, ReminderSchedule schedule, Clock clock) {
        this.rules = rules;
        this.checks = checks;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping("/admin/fieldwork")
    String page(Model model) {
        model.asMap().putIfAbsent("settings", rules.settings());
        model.addAttribute("submitterChoices", ReportSettings.Submitters.values());
        model.addAttribute("dayRules", ReportSettings.DayRule.values());
        model.addAttribute("allWeekdays", DayOfWeek.values());
        model.addAttribute("checkItems", checks.items(false));
        return "fieldwork/admin";
    }

    @PostMapping("/admin/fieldwork/settings")
    String settings(@Valid @ModelAttribute("settings") ReportSettings form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect)
            throws SchedulerException {
        if (!result.hasErrors()) {
            try {
                if (rules.update(form, user.id(), clock.instant())) {
                    schedule.apply();
                }
                Flash.success(redirect, "report.settings.saved");
                return "redirect:/admin/fieldwork";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return page(model);
    }

    @PostMapping("/admin/fieldwork/checks")
    String addItem(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return item(redirect, null, name, description, () -> checks.addItem(name, description, user.id()));
    }

    @PostMapping("/admin/fieldwork/checks/{id}")
    String renameItem(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return item(redirect, id, name, description, () -> checks.renameItem(id, name, description, version, user.id()));
    }

    @PostMapping("/admin/fieldwork/checks/{id}/move")
    String moveItem(@PathVariable long id, @RequestParam(required = false) String direction,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return item(redirect, id, null, null, () -> checks.move(id, "up".equals(direction), user.id()));
    }

    @PostMapping("/admin/fieldwork/checks/{id}/enabled")
    String enableItem(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return item(redirect, id, null, null, () -> checks.setEnabled(id, enabled, user.id()));
    }

    /** Post/Redirect/Get for an item change; refused, a flash and what was typed. */
    private static String item(RedirectAttributes redirect, Long id, String name, String description, Runnable change) {
        try {
            change.run();
            Flash.success(redirect, "selfCheck.items.saved");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            redirect.addFlashAttribute("typedItemId", id);
            redirect.addFlashAttribute("typedName", name);
            redirect.addFlashAttribute("typedDescription", description);
        }
        return "redirect:/admin/fieldwork#self-check-items";
    }
}
