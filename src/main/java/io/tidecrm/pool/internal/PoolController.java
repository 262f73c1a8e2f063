package io.tidecrm.pool.internal;

import java.time.Clock;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.tidecrm.support.BulkOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pool page, grab, assign and release, and the managers' pool flow. */
@Controller
class PoolController {

    private final PoolQueries queries;
    private final PoolService pool;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final Clock clock;
    private final BulkAssign bulk;

    PoolController(PoolQueries queries, PoolService pool, CustomerManagement customers, UserManagement users,
            Clock clock, BulkAssign bulk) {
        this.bulk = bulk;
        this.queries = queries;
        this.pool = pool;
        this.customers = customers;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/pool")
    String list(@ModelAttribute("query") PoolListQuery query, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        model.addAttribute("page", queries.list(query));
        model.addAttribute("types", CustomerType.values());
        if (user.role() != Role.REP) {
            model.addAttribute("assignees", assignees(user));
        }
        return "pool/list";
    }

    @PostMapping("/pool/{id}/grab")
    String grab(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            pool.grab(id, user);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            return "redirect:/pool";
        }
        Flash.success(redirect, "pool.grabbed");
        return "redirect:/customers/" + id;
    }

    /** A manager assigns the ticked pool customers to one rep; the result names each one. */
    @PostMapping("/pool/bulk-assign")
    String bulkAssign(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long repId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Reps cannot assign");
        }
        if (ids == null || ids.isEmpty()) {
            Flash.error(redirect, "pool.bulk.noneSelected");
        } else if (repId == null) {
            Flash.error(redirect, "customer.transfer.invalidTarget");
        } else {
            try {
                List<BulkOutcome> outcomes = bulk.assign(ids, repId, user);
                long done = outcomes.stream().filter(BulkOutcome::done).count();
                if (done == outcomes.size()) {
                    Flash.success(redirect, "pool.bulk.allAssigned", done);
                } else {
                    Flash.warning(redirect, "customer.bulk.someRefused", done, outcomes.size() - done);
                }
                redirect.addFlashAttribute("bulkOutcomes", outcomes);
            } catch (RuleViolation e) {
                Flash.error(redirect, e);
            }
        }
        return "redirect:/pool";
    }

    @PostMapping("/pool/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long repId,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Reps cannot assign");
        }
        try {
            if (repId == null) {
                throw new RuleViolation("repId", "customer.transfer.invalidTarget");
            }
            pool.assign(id, repId, user);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            return "redirect:/pool";
        }
        Flash.success(redirect, "pool.assigned");
        return "redirect:/pool";
    }

    @GetMapping("/customers/{id}/release")
    String releaseForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("customer", customers.findVisible(id, user));
        model.addAttribute("form", PoolForms.ReleaseForm.empty());
        model.addAttribute("reasons", PoolForms.ReleaseReason.values());
        return "pool/release";
    }

    @PostMapping("/customers/{id}/release")
    String release(@PathVariable long id, @Valid @ModelAttribute("form") PoolForms.ReleaseForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        CustomerRef customer = customers.findVisible(id, user);
        if (!result.hasErrors() && form.stored() == null) {
            result.rejectValue(form.reason() == PoolForms.ReleaseReason.OTHER ? "text" : "reason",
                    "pool.release.reasonRequired");
        }
        if (!result.hasErrors()) {
            try {
                pool.release(id, form.stored(), user);
                Flash.success(redirect, "pool.released", customer.name());
                return "redirect:/customers";
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        model.addAttribute("customer", customer);
        model.addAttribute("reasons", PoolForms.ReleaseReason.values());
        return "pool/release";
    }

    /** Managers: per rep over a period, reclaimed from them, grabbed by them, and still kept 30 days on. */
    @GetMapping("/pool/flow")
    String flow(@ModelAttribute("period") PoolFlowQuery period, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Managers only");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = period.from() != null ? period.from() : today.minusDays(30);
        LocalDate end = period.to() != null && !period.to().isBefore(start) ? period.to() : today;
        Instant fromInstant = start.atStartOfDay(clock.getZone()).toInstant();
        Instant toInstant = end.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("flow", queries.flow(assignees(user).stream().map(u -> u.id()).toList(), fromInstant,
                toInstant, clock.instant()));
        return "pool/flow";
    }

    private java.util.List<io.tidecrm.identity.UserSummary> assignees(CurrentUser user) {
        return users.findEnabledUsers().stream()
                .filter(u -> u.role() != Role.ADMIN)
                .filter(u -> user.role() == Role.ADMIN || users.managedUserIds(user.id()).contains(u.id()))
                .toList();
    }
}
