package io.tidecrm.fieldwork.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import io.tidecrm.customer.CustomerManagement;
import io.tidecrm.customer.CustomerRef;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Visit pages, phone first: the day's visits, planning one from the customer page, the visit page
 * with its one-tap check-in (check-in.js asks the browser for the location), check-out and the
 * visit record form, and the customer's location set by hand.
 */
@Controller
class VisitController {

    private final VisitService visits;
    private final VisitQueries queries;
    private final CustomerLocations locations;
    private final Commitments commitments;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final FieldworkProperties properties;
    private final Clock clock;

    VisitController(VisitService visits, VisitQueries queries, CustomerLocations locations, Commitments commitments,
            CustomerManagement customers, UserManagement users, FieldworkProperties properties, Clock clock) {
        this.visits = visits;
        this.queries = queries;
        this.locations = locations;
        this.commitments = commitments;
        this.customers = customers;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** The day's visits: a rep's own, a manager's team's (one owner at a time if asked). */
    @GetMapping("/visits")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Long owner, @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", shown);
        model.addAttribute("owner", owner);
        model.addAttribute("owners", Choice.of(users.ownersVisibleTo(user), UserSummary::id, UserSummary::displayName));
        model.addAttribute("visits", queries.day(shown, owner, user));
        return "fieldwork/visits";
    }

    @GetMapping("/customers/{customerId}/visits/new")
    String newVisit(@PathVariable long customerId, @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDateTime inAnHour = LocalDateTime.now(clock).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        model.addAttribute("form", VisitPlanForm.empty(inAnHour));
        return planForm(customers.findVisible(customerId, user), user, model);
    }

    @PostMapping("/customers/{customerId}/visits")
    String plan(@PathVariable long customerId, @Valid @ModelAttribute("form") VisitPlanForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        CustomerRef customer = customers.findVisible(customerId, user);
        if (!result.hasErrors()) {
            try {
                long id = visits.plan(customerId, form, user);
                Flash.success(redirect, "visit.planned", customer.name());
                return "redirect:/visits/" + id;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return planForm(customer, user, model);
    }

    private String planForm(CustomerRef customer, CurrentUser user, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("contacts", customers.contactsOf(customer.id(), user));
        return "fieldwork/plan";
    }

    @GetMapping("/visits/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        VisitView visit = queries.loadVisible(id, user);
        model.addAttribute("visit", visit);
        if (!model.containsAttribute("recordForm")) {
            model.addAttribute("recordForm", VisitRecordForm.of(visit.purpose()));
        }
        model.addAttribute("location", locations.of(visit.customerId()).orElse(null));
        model.addAttribute("visitCommitments", commitments.ofVisit(id, user));
        if (visit.ownerId() == user.id() && visit.recordedAt() == null) {
            model.addAttribute("commitmentOwners", commitments.possibleOwners(user));
        }
        model.addAttribute("radius", properties.checkInRadiusMetres());
        model.addAttribute("mine", visit.ownerId() == user.id());
        model.addAttribute("contact", visit.contactId() == null ? null
                : customers.contactsById(visit.customerId(), java.util.Set.of(visit.contactId())).get(visit.contactId()));
        return "fieldwork/visit";
    }

    /** One tap: the browser's location (or why there is none) and the server's time. */
    @PostMapping("/visits/{id}/check-in")
    String checkIn(@PathVariable long id, @Valid @ModelAttribute CheckInForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            checkedIn(visits.checkIn(id, reported(form, result), user), redirect);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/visits/" + id;
    }

    /** One tap on the customer page: an unplanned visit created and checked in (or today's planned one checked in). */
    @PostMapping("/customers/{customerId}/visits/check-in")
    String checkInNow(@PathVariable long customerId, @Valid @ModelAttribute CheckInForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            VisitService.CheckInNow now = visits.checkInNow(customerId, reported(form, result), user);
            if (now.checkIn() == null) {
                Flash.warning(redirect, "visit.checkInNow.open");
            } else {
                checkedIn(now.checkIn(), redirect);
            }
            return "redirect:/visits/" + now.visitId();
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            return "redirect:/customers/" + customerId + "#visits";
        }
    }

    /** A position the browser could not have reported counts as none: the check-in still goes through. */
    private static CheckInForm reported(CheckInForm form, BindingResult result) {
        return result.hasErrors() ? new CheckInForm(null, null, null, "invalid") : form;
    }

    private void checkedIn(VisitService.CheckIn done, RedirectAttributes redirect) {
        String key = "visit.checkedIn." + done.flag().name();
        if (done.flag().flagged()) {
            Flash.warning(redirect, key, done.distanceMetres(), properties.checkInRadiusMetres());
        } else {
            Flash.success(redirect, key, done.distanceMetres(), properties.checkInRadiusMetres());
        }
    }

    @PostMapping("/visits/{id}/check-out")
    String checkOut(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            visits.checkOut(id, user);
            Flash.success(redirect, "visit.checkedOut");
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/visits/" + id;
    }

    @PostMapping("/visits/{id}/record")
    String record(@PathVariable long id, @Valid @ModelAttribute("recordForm") VisitRecordForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                visits.record(id, form, user);
                Flash.success(redirect, "visit.recorded");
                return "redirect:/visits/" + id;
            } catch (RuleViolation e) {
                if (e.messageKey().equals("visit.record.already")) {
                    // Saved meanwhile (another tab, a double tap): the page shows the saved record, not the form.
                    Flash.error(redirect, e);
                    return "redirect:/visits/" + id;
                }
                Forms.reject(result, e);
            }
        }
        return detail(id, user, model);
    }

    /** Commitment rows beyond what binding grows (256) come only from a hand-made request: a bad request. */
    @ExceptionHandler(IndexOutOfBoundsException.class)
    void rowIndexOutOfRange(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    @PostMapping("/customers/{customerId}/location")
    String setLocation(@PathVariable long customerId, @Valid @ModelAttribute("locationForm") CustomerLocationForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        customers.findVisible(customerId, user);
        if (result.hasErrors()) {
            // The message names both fields and their ranges; the session (JDBC) keeps no form object.
            Flash.error(redirect, "visit.location.invalid");
        } else {
            visits.setLocation(customerId, form, user);
            Flash.success(redirect, "visit.location.saved");
        }
        return "redirect:/customers/" + customerId + "#visits";
    }
}
