package io.tidecrm.events.internal;

import java.util.UUID;

import io.tidecrm.support.Flash;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators: the deliveries that have not completed (a failed inbox notice, e-mail or
 * group-robot message, or one cut off by a crash), with their last error, and a retry for one or
 * all once the cause is fixed. They are retried automatically too.
 */
@Controller
class EventPublicationController {

    private static final String REDIRECT = "redirect:/admin/events";

    private final EventPublications publications;
    private final Resubmission resubmission;
    private final EventsProperties properties;

    EventPublicationController(EventPublications publications, Resubmission resubmission,
            EventsProperties properties) {
        this.publications = publications;
        this.resubmission = resubmission;
        this.properties = properties;
    }

    @GetMapping("/admin/events")
    String list(Model model) {
        model.addAttribute("counts", publications.counts());
        model.addAttribute("publications", publications.incomplete());
        model.addAttribute("limit", EventPublications.LIMIT);
        model.addAttribute("intervalMinutes", Math.max(1, properties.resubmitInterval().toMinutes()));
        model.addAttribute("afterMinutes", Math.max(1, properties.resubmitAfter().toMinutes()));
        return "events/publications";
    }

    /** Something that is not a publication id answers 404. */
    @PostMapping("/admin/events/{publicationId}/retry")
    String retry(@PathVariable String publicationId, RedirectAttributes redirect) {
        UUID id = uuid(publicationId);
        int resubmitted = resubmission.resubmit(p -> p.getIdentifier().equals(id));
        if (resubmitted > 0) {
            Flash.success(redirect, "events.retried", resubmitted);
        } else if (publications.isIncomplete(id)) {
            Flash.error(redirect, "events.notDue", Math.max(1, properties.resubmitAfter().toMinutes()));
        } else {
            Flash.success(redirect, "events.alreadyComplete");
        }
        return REDIRECT;
    }

    @PostMapping("/admin/events/retry")
    String retryAll(RedirectAttributes redirect) {
        Flash.success(redirect, "events.retried", resubmission.resubmit(p -> true));
        return REDIRECT;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
