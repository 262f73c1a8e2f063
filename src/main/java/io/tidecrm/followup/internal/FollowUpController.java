package io.tidecrm.followup.internal;

import io.tidecrm.support.RuleViolation;


import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import jakarta.servlet.http.HttpServletResponse;
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
 * Follow-ups are written from the customer page with htmx: the post answers with the panel,
 * which holds the new entry on top of the timeline (or the form with its errors). Without
 * htmx the same routes redirect or render a page of their own.
 */
@Controller
class FollowUpController {

    private static final String PANEL = "followup/panel :: panel";
    private static final int TODO_ITEMS = 50;

    private final FollowUpService followUps;
    private final FollowUpPanel panel;
    private final org.springframework.beans.factory.ObjectProvider<io.tidecrm.followup.TodoSource> todoSources;

    FollowUpController(FollowUpService followUps, FollowUpPanel panel,
            org.springframework.beans.factory.ObjectProvider<io.tidecrm.followup.TodoSource> todoSources) {
        this.followUps = followUps;
        this.panel = panel;
        this.todoSources = todoSources;
    }

    @PostMapping("/customers/{customerId}/follow-ups")
    String create(@PathVariable long customerId, @Valid @ModelAttribute("followUpForm") FollowUpForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                followUps.record(customerId, form, user);
                if (htmx == null) {
                    Flash.success(redirect, "followup.saved");
                    return "redirect:/customers/" + customerId;
                }
                // A fresh form: drop the submitted one and its binding result.
                model.asMap().remove("followUpForm");
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "followUpForm");
                model.addAttribute("followUpSaved", true);
                panel.populate(customerId, user, model.asMap(), null);
                // The customer page refreshes its facts (status, next follow-up) on this event.
                response.setHeader("HX-Trigger", "followUpSaved");
                return PANEL;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        panel.populate(customerId, user, model.asMap(), form);
        return htmx == null ? "followup/page" : PANEL;
    }

    @PostMapping("/customers/{customerId}/follow-ups/{followUpId}/corrections")
    String correct(@PathVariable long customerId, @PathVariable long followUpId,
            @Valid @ModelAttribute("correctionForm") CorrectionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("correctionError", followUpId);
        } else {
            followUps.correct(customerId, followUpId, form, user);
            if (htmx == null) {
                Flash.success(redirect, "followup.corrected");
                return "redirect:/customers/" + customerId;
            }
            model.addAttribute("followUpSaved", true);
        }
        panel.populate(customerId, user, model.asMap(), null);
        return htmx == null ? "followup/page" : PANEL;
    }

    /** "Load more": the next page of the timeline, as entries plus the next button. */
    @GetMapping("/customers/{customerId}/follow-ups")
    String more(@PathVariable long customerId, @ModelAttribute("query") TimelineQuery query,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("timeline", followUps.timeline(customerId, query.cursor(), user));
        return "followup/panel :: entries";
    }

    /** A card of another module's items on the to-do page. */
    record TodoCard(String titleKey, java.util.List<io.tidecrm.followup.TodoSource.TodoItem> items) {
    }

    /**
     * My to-do page: customers due today or overdue, follow-ups where I was asked to look, and the
     * other modules' items ({@link io.tidecrm.followup.TodoSource}, e.g. return visits).
     */
    @GetMapping("/todo")
    String todo(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("due", followUps.dueToday(user, 100));
        model.addAttribute("notified", followUps.notifiedTo(user, 50));
        model.addAttribute("sources", todoSources.orderedStream()
                .map(source -> new TodoCard(source.titleKey(), source.itemsOf(user, TODO_ITEMS))).toList());
        return "followup/todo";
    }
}
