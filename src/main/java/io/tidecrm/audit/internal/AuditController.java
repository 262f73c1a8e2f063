package io.tidecrm.audit.internal;

import io.tidecrm.support.ListQueryBinding;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.WebRequest;

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
    String list(@ModelAttribute("filter") AuditFilter filter, WebRequest request, Model model) {
        AuditFilter applied = filter;
        if (!ListQueryBinding.leftOut(request).isEmpty()) {
            // A value that did not convert (a malformed date in a hand-edited address): rather
            // than a part of the filter, the whole log, with a message.
            applied = AuditFilter.none();
            model.addAttribute("filter", applied);
            model.addAttribute("filterInvalid", true);
        }
        model.addAttribute("page", audit.search(applied));
        return "audit/list";
    }
}
