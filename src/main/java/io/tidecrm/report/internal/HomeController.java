package io.tidecrm.report.internal;

import io.tidecrm.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in user's role needs first thing (SPEC "Home pages by role"). */
@Controller
class HomeController {

    private final HomePage home;

    HomeController(HomePage home) {
        this.home = home;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("home", home.of(viewer));
        return "report/home";
    }
}
