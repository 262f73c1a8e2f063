package io.tidecrm.identity.internal;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators list, create, edit, disable and enable users, and reset their passwords. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String FORM = "identity/user-form";

    private final UserAdministration administration;
    private final UserManagement users;

    UserAdminController(UserAdministration administration, UserManagement users) {
        this.administration = administration;
        this.users = users;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", administration.listUsers());
        return "identity/user-list";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", UserForm.empty());
        return showForm(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, null);
        }
        try {
            administration.createUser(form);
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return showForm(model, null);
        }
        Flash.success(redirect, "user.created", form.username());
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = administration.findAccount(id).orElseThrow(UserAdministration.NotFound::new);
        model.addAttribute("form", UserForm.of(user));
        model.addAttribute("passwordForm", PasswordForm.empty());
        return showForm(model, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        administration.findAccount(id).orElseThrow(UserAdministration.NotFound::new);
        model.addAttribute("passwordForm", PasswordForm.empty());
        if (result.hasErrors()) {
            return showForm(model, id);
        }
        try {
            administration.updateUser(id, form);
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return showForm(model, id);
        }
        Flash.success(redirect, "user.updated", form.username());
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("passwordForm") PasswordForm passwordForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        UserAccount user = administration.findAccount(id).orElseThrow(UserAdministration.NotFound::new);
        try {
            administration.resetPassword(id, passwordForm);
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            model.addAttribute("form", UserForm.of(user));
            return showForm(model, id);
        }
        Flash.success(redirect, "user.passwordReset", user.getUsername());
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return changeEnabled(id, false, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return changeEnabled(id, true, redirect);
    }

    private String changeEnabled(long id, boolean enabled, RedirectAttributes redirect) {
        UserAccount user = administration.findAccount(id).orElseThrow(UserAdministration.NotFound::new);
        try {
            administration.setEnabled(id, enabled);
            Flash.success(redirect, enabled ? "user.enabledDone" : "user.disabledDone", user.getUsername());
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/admin/users";
    }

    private String showForm(Model model, Long id) {
        model.addAttribute("userId", id);
        model.addAttribute("teams", users.findTeams());
        return FORM;
    }
}
