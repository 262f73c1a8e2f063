package io.tidecrm.service.internal;

import io.tidecrm.followup.FollowUpManagement;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.service.internal.ReturnVisits.VisitForm;
import io.tidecrm.service.internal.ReturnVisits.VisitListQuery;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Return visits: the lists (mine, all I see, missed, done) and the page that records one. */
@Controller
class ReturnVisitController {

    private final ReturnVisits visits;
    private final FollowUpManagement followUps;

    ReturnVisitController(ReturnVisits visits, FollowUpManagement followUps) {
        this.visits = visits;
        this.followUps = followUps;
    }

    @GetMapping("/return-visits")
    String list(@ModelAttribute("query") VisitListQuery query, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("view", query.viewOrDefault());
        model.addAttribute("views", ReturnVisits.VisitView.values());
        model.addAttribute("page", visits.list(query, user));
        return "service/visits";
    }

    @GetMapping("/return-visits/{id}")
    String visit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ReturnVisits.Visit visit = visits.loadVisible(id, user);
        model.addAttribute("visit", visit);
        model.addAttribute("satisfactions", new int[] { 5, 4, 3, 2, 1 });
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new VisitForm(null, "", ReturnVisits.DEFAULT_KIND, visit.version()));
        }
        model.addAttribute("kinds", followUps.kinds());
        return "service/visit";
    }

    @PostMapping("/return-visits/{id}")
    String record(@PathVariable long id, @Valid @ModelAttribute("form") VisitForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        visits.loadVisible(id, user);
        if (!result.hasErrors()) {
            try {
                visits.record(id, form, user, LocaleContextHolder.getLocale());
                Flash.success(redirect, "returnVisit.recorded");
                return "redirect:/return-visits";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return visit(id, user, model);
    }
}
