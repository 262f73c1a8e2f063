package io.tidecrm.fieldwork.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commitments page, linked from the to-do page (the followup module's to-do list has no place
 * for another module's items): open ones with the overdue flagged, and the way to mark one done.
 */
@Controller
class CommitmentController {

    private final Commitments commitments;
    private final UserManagement users;

    CommitmentController(Commitments commitments, UserManagement users) {
        this.commitments = commitments;
        this.users = users;
    }

    @GetMapping("/commitments")
    String list(@RequestParam(required = false) Long owner, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("owner", owner);
        model.addAttribute("owners", Choice.of(users.ownersVisibleTo(user), UserSummary::id, UserSummary::displayName));
        model.addAttribute("commitments", commitments.list(owner, user));
        return "fieldwork/commitments";
    }

    @PostMapping("/commitments/{id}/done")
    String done(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            commitments.markDone(id, user);
            Flash.success(redirect, "commitment.markedDone");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/commitments";
    }
}
