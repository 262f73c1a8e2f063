package io.tidecrm.contract.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
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

/** The payment plan and payments received of a contract, the instalments due and the overdue ageing list. */
@Controller
class PaymentController {

    private final ContractPayments payments;
    private final ContractQueries queries;
    private final ContractDetailPage detailPage;

    PaymentController(ContractPayments payments, ContractQueries queries, ContractDetailPage detailPage) {
        this.payments = payments;
        this.queries = queries;
        this.detailPage = detailPage;
    }

    @PostMapping("/contracts/{id}/instalments")
    String addInstalment(@PathVariable long id, @Valid @ModelAttribute("instalmentForm") InstalmentForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                payments.addInstalment(id, form, user);
                Flash.success(redirect, "contract.plan.added");
                return "redirect:/contracts/" + id + "#plan";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return detailPage.show(id, user, model);
    }

    @PostMapping("/contracts/{id}/instalments/{instalmentId}/delete")
    String removeInstalment(@PathVariable long id, @PathVariable long instalmentId,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            payments.removeInstalment(id, instalmentId, user);
            Flash.success(redirect, "contract.plan.removed");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/contracts/" + id + "#plan";
    }

    @PostMapping("/contracts/{id}/payments")
    String recordPayment(@PathVariable long id, @Valid @ModelAttribute("paymentForm") PaymentForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                payments.recordPayment(id, form, user);
                Flash.success(redirect, "contract.payment.recorded");
                return "redirect:/contracts/" + id + "#payments";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return detailPage.show(id, user, model);
    }

    /**
     * The instalments to chase: due within 7, 30 (the default) or 90 days, the overdue ones first,
     * in the viewer's scope (a rep's own contracts). A window that is not one of these shows 30.
     */
    @GetMapping("/contracts/due")
    String due(@RequestParam(name = "within", required = false) String within,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        InstalmentsDue.Window window = java.util.Arrays.stream(InstalmentsDue.Window.values())
                .filter(w -> w.name().equals(within)).findFirst().orElse(InstalmentsDue.Window.DAYS_30);
        model.addAttribute("due", queries.due(user, window));
        model.addAttribute("windows", InstalmentsDue.Window.values());
        return "contract/due";
    }

    /** Managers see their team's overdue instalments, administrators everyone's. */
    @GetMapping("/contracts/overdue")
    String overdue(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Managers and administrators only");
        }
        model.addAttribute("overdue", queries.overdue(user));
        return "contract/overdue";
    }
}
