package io.tidecrm.identity.internal;

import io.tidecrm.support.RuleViolation;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here. */
@Controller
class AccountController {

    private final UserAdministration administration;

    AccountController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") PasswordForm form,
            BindingResult result, RedirectAttributes redirect) {
        try {
            administration.changeOwnPassword(user.id(), form);
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return "identity/password";
        }
        Flash.success(redirect, "password.changed");
        return "redirect:/";
    }
}
