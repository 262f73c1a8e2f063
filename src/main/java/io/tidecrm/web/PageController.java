package io.tidecrm.web;

import java.time.Duration;

import io.tidecrm.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the home page is the report module's: each role's figures and work). */
@Controller
class PageController {

    private final int maxFailures;
    private final long lockMinutes;

    PageController(@Value("${tidecrm.security.login.max-failures:5}") int maxFailures,
            @Value("${tidecrm.security.login.lock-duration:15m}") Duration lockDuration) {
        this.maxFailures = maxFailures;
        this.lockMinutes = Math.max(1, lockDuration.toMinutes());
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("maxFailures", maxFailures);
        model.addAttribute("lockMinutes", lockMinutes);
        return "login";
    }
}
