package io.tidecrm.audit.internal;

import io.tidecrm.support.KeysetPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** Administrators read the audit log (the security chain admits only them to /admin/**). It has no edit route. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @ModelAttribute("kinds")
    AuditKind[] kinds() {
        return AuditKind.values();
    }

    @GetMapping
    String list(@ModelAttribute("filter") AuditFilter filter, BindingResult result, Model model) {
        AuditFilter applied = filter;
        if (result.hasErrors() || filter == null) {
            // A malformed date in a hand-edited address: the page unfiltered, with a message.
            applied = AuditFilter.none();
            model.addAttribute("filter", applied);
            model.addAttribute("filterInvalid", true);
        }
        KeysetPage<AuditEntry> page = audit.search(applied);
        model.addAttribute("page", page);
        model.addAttribute("newestUrl", applied.before() == null ? null : applied.url(null));
        model.addAttribute("olderUrl", page.olderBefore() == null ? null : applied.url(page.olderBefore()));
        return "audit/list";
    }
}
