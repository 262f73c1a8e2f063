package io.tidecrm.contract.internal;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Submitting a contract for approval, the approvers' queue and their decisions. */
@Controller
class ApprovalController {

    private final ContractApproval approval;
    private final ContractQueries queries;
    private final ContractDetailPage detailPage;

    ApprovalController(ContractApproval approval, ContractQueries queries, ContractDetailPage detailPage) {
        this.approval = approval;
        this.queries = queries;
        this.detailPage = detailPage;
    }

    @GetMapping("/approvals")
    String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("queue", queries.approvalQueue(user));
        return "contract/approvals";
    }

    @PostMapping("/contracts/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            approval.submit(id, version, user);
            Flash.success(redirect, "contract.approval.submitted");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/contracts/" + id;
    }

    @PostMapping("/contracts/{id}/decision")
    String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                approval.decide(id, form, user);
                Flash.success(redirect, "contract.approval.decided." + form.decision());
                return "redirect:/contracts/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return detailPage.show(id, user, model);
    }
}
