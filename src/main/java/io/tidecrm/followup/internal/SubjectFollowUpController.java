package io.tidecrm.followup.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import io.tidecrm.customer.CustomerNotFoundException;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.followup.FollowUpSubjects;
import io.tidecrm.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Follow-ups written on an opportunity or a contract: the panel that their pages load with
 * htmx, and its form. The follow-up is the customer's (it moves the customer's clock) and
 * remembers what it was about.
 */
@Controller
class SubjectFollowUpController {

    private static final String PANEL = "followup/subject :: panel";

    private final List<FollowUpSubjects> subjects;
    private final FollowUpService followUps;
    private final java.time.Clock clock;

    SubjectFollowUpController(List<FollowUpSubjects> subjects, FollowUpService followUps, java.time.Clock clock) {
        this.subjects = subjects;
        this.followUps = followUps;
        this.clock = clock;
    }

    @GetMapping("/follow-ups/about/{type}/{id}")
    String panel(@PathVariable String type, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        FollowUpSubjects.Subject subject = resolve(type, id, user);
        populate(model, type, id, subject, user, null);
        return PANEL;
    }

    @PostMapping("/follow-ups/about/{type}/{id}")
    String write(@PathVariable String type, @PathVariable long id,
            @Valid @ModelAttribute("followUpForm") FollowUpForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
        FollowUpSubjects.Subject subject = resolve(type, id, user);
        if (!result.hasErrors()) {
            try {
                followUps.record(subject.customerId(), form, user,
                        new FollowUpForm.About(type, id, subject.label()));
                if (htmx == null) {
                    Flash.success(redirect, "followup.saved");
                    return "redirect:" + subject.path();
                }
                model.asMap().remove("followUpForm");
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "followUpForm");
                model.addAttribute("followUpSaved", true);
                populate(model, type, id, subject, user, null);
                return PANEL;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        populate(model, type, id, subject, user, form);
        return htmx == null ? "followup/page" : PANEL;
    }

    private FollowUpSubjects.Subject resolve(String type, long id, CurrentUser user) {
        return subjects.stream()
                .filter(s -> s.type().equals(type))
                .findFirst()
                .flatMap(s -> s.find(id, user))
                .orElseThrow(CustomerNotFoundException::new);
    }

    private void populate(Model model, String type, long id, FollowUpSubjects.Subject subject, CurrentUser user,
            FollowUpForm form) {
        model.addAttribute("subjectType", type);
        model.addAttribute("subjectId", id);
        model.addAttribute("subject", subject);
        model.addAttribute("customerId", subject.customerId());
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", form != null ? form
                    : FollowUpForm.empty(LocalDateTime.now(clock).withSecond(0).withNano(0)));
        }
        model.addAttribute("followUpKinds", FollowUpKind.values());
        model.addAttribute("followUpStatuses", Arrays.stream(CustomerStatus.values()).filter(s -> !s.isWon()).toList());
        model.addAttribute("timeline", followUps.timeline(subject.customerId(), null, user,
                new FollowUpForm.About(type, id, subject.label())));
    }
}
