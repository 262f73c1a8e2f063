package io.tidecrm.customer.internal;

import io.tidecrm.support.RuleViolation;

import java.time.Clock;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators set the ownership caps per type and whether won customers count. */
@Controller
@RequestMapping("/admin/customer-rules")
class CustomerRulesController {

    private final OwnershipCaps caps;
    private final Clock clock;

    CustomerRulesController(OwnershipCaps caps, Clock clock) {
        this.caps = caps;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", CustomerRulesForm.of(caps.rules()));
        return "customer/rules";
    }

    @PostMapping
    String save(@Valid @ModelAttribute("form") CustomerRulesForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "customer/rules";
        }
        try {
            caps.update(form.toRules(), user.id(), clock.instant());
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "customer/rules";
        }
        Flash.success(redirect, "rules.saved");
        return "redirect:/admin/customer-rules";
    }
}
