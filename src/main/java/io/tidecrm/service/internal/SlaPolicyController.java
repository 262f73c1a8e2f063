package io.tidecrm.service.internal;

import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the SLA policy rows (by kind, priority and customer type) that give tickets their due times. */
@Controller
class SlaPolicyController {

    static final String PATH = "/admin/service/sla";

    private final SlaPolicies policies;

    SlaPolicyController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping(PATH)
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SlaPolicyForm(TicketKind.REQUEST, null, null, 2,
                    SlaPolicyForm.SlaUnit.HOURS, 24, SlaPolicyForm.SlaUnit.HOURS));
        }
        model.addAttribute("rows", policies.rows());
        model.addAttribute("kinds", TicketKind.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("customerTypes", CustomerType.values());
        model.addAttribute("units", SlaPolicyForm.SlaUnit.values());
        return "service/sla";
    }

    @PostMapping(PATH)
    String save(@Valid @ModelAttribute("form") SlaPolicyForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model);
        }
        policies.save(form, user.id());
        Flash.success(redirect, "sla.saved");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            policies.delete(id, user.id());
            Flash.success(redirect, "sla.deleted");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:" + PATH;
    }
}
