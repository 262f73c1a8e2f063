package io.tidecrm.contract.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleViolation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Renewals (续约): the contracts whose service ends soon, and the renewal opportunity of one. */
@Controller
class RenewalController {

    private final ContractRenewals renewals;

    RenewalController(ContractRenewals renewals) {
        this.renewals = renewals;
    }

    /**
     * The approved contracts whose service ends within 30 (the default), 60 or 90 days, the
     * soonest first, in the viewer's scope. A window that is not one of these shows 30.
     */
    @GetMapping("/contracts/renewals")
    String list(@RequestParam(name = "within", required = false) String within,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("renewals", renewals.due(user, RenewalsDue.Window.of(within)));
        model.addAttribute("windows", RenewalsDue.Window.values());
        return "contract/renewals";
    }

    /** Creates the contract's renewal opportunity, or shows the one created before. */
    @PostMapping("/contracts/{id}/renewal")
    String create(@PathVariable long id, @RequestParam(name = "within", required = false) String within,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            ContractRenewals.Renewal renewal = renewals.create(id, LocaleContextHolder.getLocale(), user);
            Flash.success(redirect, renewal.created() ? "renewal.created" : "renewal.exists");
            return "redirect:/opportunities/" + renewal.opportunityId();
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            return "redirect:/contracts/renewals?within=" + RenewalsDue.Window.of(within).name();
        }
    }
}
