package io.tidecrm.identity.internal;

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

/** Administrators list, create and edit teams and name their managers. */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

    private final UserAdministration administration;
    private final UserManagement users;

    TeamAdminController(UserAdministration administration, UserManagement users) {
        this.administration = administration;
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", users.findTeams());
        return "identity/team-list";
    }

    @GetMapping("/new")
    String newTeam(Model model) {
        model.addAttribute("form", TeamForm.empty());
        return showForm(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") TeamForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return save(null, form, result, model, redirect);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Team team = administration.findTeam(id).orElseThrow(UserAdministration.NotFound::new);
        model.addAttribute("form", TeamForm.of(team));
        return showForm(model, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") TeamForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        administration.findTeam(id).orElseThrow(UserAdministration.NotFound::new);
        return save(id, form, result, model, redirect);
    }

    private String save(Long id, TeamForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(model, id);
        }
        try {
            if (id == null) {
                administration.createTeam(form);
            } else {
                administration.updateTeam(id, form);
            }
        } catch (RuleViolation e) {
            Forms.reject(result, e);
            return showForm(model, id);
        }
        Flash.success(redirect, id == null ? "team.created" : "team.updated", form.name());
        return "redirect:/admin/teams";
    }

    private String showForm(Model model, Long id) {
        model.addAttribute("teamId", id);
        model.addAttribute("managers", administration.managerCandidates());
        return "identity/team-form";
    }
}
