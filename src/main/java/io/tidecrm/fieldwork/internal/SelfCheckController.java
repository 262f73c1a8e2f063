package io.tidecrm.fieldwork.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The behaviour self-check (行为自检表): my day's answers (a form today, read-only for another day),
 * and the managers' view of their members' answers of a day.
 */
@Controller
class SelfCheckController {

    private final SelfChecks checks;
    private final Clock clock;

    SelfCheckController(SelfChecks checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @GetMapping("/self-check")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        List<SelfChecks.Answer> answers = checks.answers(user.id(), shown);
        model.addAttribute("day", shown);
        model.addAttribute("today", shown.equals(LocalDate.now(clock)));
        model.addAttribute("answers", answers);
        model.addAttribute("items", checks.items(true));
        if (!model.containsAttribute("inputs")) {
            model.addAttribute("inputs", SelfChecks.prefilled(answers));
        }
        return "fieldwork/self-check";
    }

    /** Today's answers: {@code done} names the items answered yes, {@code remark<id>} the remarks. */
    @PostMapping("/self-check")
    String answer(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        List<SelfChecks.Input> inputs = SelfChecks.inputs(checks.items(true), params);
        try {
            checks.answer(user, day, inputs);
            Flash.success(redirect, "selfCheck.saved");
            return "redirect:/self-check?day=" + day;
        } catch (RuleViolation e) {
            model.addAttribute("refused", e.violations());
            model.addAttribute("refusedFields", e.violations().stream().map(RuleViolation.Violation::field)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
            model.addAttribute("inputs", SelfChecks.byItem(inputs));
            return day(day, user, model);
        }
    }

    @GetMapping("/self-check/team")
    String team(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Managers and administrators only");
        }
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", shown);
        model.addAttribute("members", checks.team(shown, user));
        model.addAttribute("itemCount", checks.items(true).size());
        return "fieldwork/self-check-team";
    }
}
