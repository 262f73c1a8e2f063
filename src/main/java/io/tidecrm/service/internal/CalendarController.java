package io.tidecrm.service.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.service.internal.CalendarForms.CalendarDayForm;
import io.tidecrm.service.internal.CalendarForms.WorkingHoursForm;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators: the working hours and the holidays and make-up working days of each year. */
@Controller
class CalendarController {

    static final String PATH = "/admin/service/calendar";

    private final CalendarStore calendar;
    private final Clock clock;

    CalendarController(CalendarStore calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
        if (!model.containsAttribute("hoursForm")) {
            CalendarStore.Hours hours = calendar.hours();
            model.addAttribute("hoursForm", new WorkingHoursForm(hours.dayStart(), hours.dayEnd(), hours.version()));
        }
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new CalendarDayForm(null, false, ""));
        }
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.daysOf(shown));
        return "service/calendar";
    }

    @PostMapping(PATH + "/hours")
    String saveHours(@Valid @ModelAttribute("hoursForm") WorkingHoursForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                calendar.saveHours(form.dayStart(), form.dayEnd(), form.version(), user.id());
                Flash.success(redirect, "calendar.hours.saved");
                return "redirect:" + PATH;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return page(null, model);
    }

    @PostMapping(PATH + "/days")
    String saveDay(@Valid @ModelAttribute("dayForm") CalendarDayForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(form.day() == null ? null : form.day().getYear(), model);
        }
        calendar.saveDay(form.day(), form.working(), form.name(), user.id());
        Flash.success(redirect, "calendar.day.saved", form.day().toString());
        return "redirect:" + PATH + "?year=" + form.day().getYear();
    }

    @PostMapping(PATH + "/days/delete")
    String deleteDay(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (calendar.deleteDay(day, user.id())) {
            Flash.success(redirect, "calendar.day.deleted", day.toString());
        }
        return "redirect:" + PATH + "?year=" + day.getYear();
    }
}
