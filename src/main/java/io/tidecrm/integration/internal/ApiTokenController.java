package io.tidecrm.integration.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each user's own access tokens and calendar address, on their account page. A new token's secret
 * (and a new calendar address) is shown once, on the page the creation redirects to.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final CalendarFeeds feeds;
    private final String baseUrl;

    ApiTokenController(ApiTokens tokens, CalendarFeeds feeds,
            @Value("${tidecrm.base-url:http://localhost:8080}") String baseUrl) {
        this.tokens = tokens;
        this.feeds = feeds;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/account/tokens")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ApiTokenForm.empty());
        }
        return render(user, model);
    }

    private String render(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.list(user.id()));
        model.addAttribute("scopes", TokenScope.values());
        model.addAttribute("hasFeed", feeds.exists(user.id()));
        model.addAttribute("apiBase", baseUrl + "/api/v1");
        return "integration/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ApiTokenForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                String secret = tokens.create(user.id(), form);
                redirect.addFlashAttribute("newToken", secret);
                Flash.success(redirect, "apiToken.created", form.name().strip());
                return "redirect:/account/tokens";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return render(user, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Flash.success(redirect, "apiToken.revoked");
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/calendar")
    String regenerateFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        String secret = feeds.regenerate(user.id());
        redirect.addFlashAttribute("newFeedUrl", baseUrl + "/api/calendar/" + secret + ".ics");
        Flash.success(redirect, "calendarFeed.created");
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/calendar/remove")
    String removeFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        feeds.remove(user.id());
        Flash.success(redirect, "calendarFeed.removed");
        return "redirect:/account/tokens";
    }
}
