package io.tidecrm.notification.internal;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own inbox. Nobody reads or marks another user's notifications. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private static final String REDIRECT = "redirect:/notifications";

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("query") InboxQuery query, Model model) {
        model.addAttribute("page", inbox.page(user.id(), query.before()));
        model.addAttribute("newestId", inbox.newestId(user.id()));
        return "notification/list";
    }

    /** Someone else's id answers 404, the same as an id that does not exist. */
    @PostMapping("/{id}/read")
    String markRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        NotificationView notification = inbox.markRead(user.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if ("true".equals(htmx)) {
            // htmx swaps the line in place and the header badge out of band.
            model.addAttribute("notification", notification);
            model.addAttribute(UnreadNotificationsAdvice.ATTRIBUTE, inbox.unreadCount(user.id()));
            return "notification/fragments :: markedRead";
        }
        Flash.success(redirect, "notification.markedRead");
        return REDIRECT;
    }

    @PostMapping("/read-all")
    String markAllRead(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long upTo,
            RedirectAttributes redirect) {
        Flash.success(redirect, "notification.allMarkedRead", inbox.markAllRead(user.id(), upTo));
        return REDIRECT;
    }
}
