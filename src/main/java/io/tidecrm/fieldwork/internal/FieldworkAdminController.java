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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' field work page (under /admin, administrators only): the report rules
 * (who must submit, on which days, which parts, how long before the deadline the reminder goes).
 */
@Controller
class FieldworkAdminController {

    private final ReportRules rules;
    private final ReminderSchedule schedule;
    private final FieldworkProperties properties;
    private final Clock clock;

    FieldworkAdminController(ReportRules rules, ReminderSchedule schedule, FieldworkProperties properties,
            Clock clock) {
        this.rules = rules;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/admin/fieldwork")
    String page(Model model) {
        model.asMap().putIfAbsent("settings", rules.settings());
        model.addAttribute("submitterChoices", ReportSettings.Submitters.values());
        model.addAttribute("dayRules", ReportSettings.DayRule.values());
        model.addAttribute("allWeekdays", DayOfWeek.values());
        model.addAttribute("properties", properties);
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
}
