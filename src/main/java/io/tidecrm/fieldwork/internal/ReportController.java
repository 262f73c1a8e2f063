package io.tidecrm.fieldwork.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.WritesOnGet;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
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
 * The reports: my day (plan and summary, the figures filled in, the plan beside the summary), my
 * week (plan with goals, the week's figures against them, the sign-off), the managers' view of who
 * has submitted, and one report to read, comment on and sign off.
 */
@Controller
class ReportController {

    private final Reports reports;
    private final DayFacts facts;
    private final VisitQueries visits;
    private final Clock clock;

    ReportController(Reports reports, DayFacts facts, VisitQueries visits, Clock clock) {
        this.reports = reports;
        this.facts = facts;
        this.visits = visits;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        var plan = reports.latest(user.id(), ReportKind.DAILY_PLAN, shown).orElse(null);
        var summary = reports.latest(user.id(), ReportKind.DAILY_SUMMARY, shown).orElse(null);
        model.addAttribute("day", shown);
        model.addAttribute("plan", plan);
        model.addAttribute("summary", summary);
        model.addAttribute("planDue", reports.deadline(ReportKind.DAILY_PLAN, shown));
        model.addAttribute("summaryDue", reports.deadline(ReportKind.DAILY_SUMMARY, shown));
        model.addAttribute("figures", facts.of(user.id(), shown, shown));
        model.addAttribute("dayVisits", visits.day(shown, user.id(), user).stream()
                .filter(v -> v.ownerId() == user.id()).toList());
        model.asMap().putIfAbsent("planForm", plan == null ? new DailyPlanForm(java.util.List.of(), "", "")
                : new DailyPlanForm(plan.plannedVisitIds(), plan.keyTasks(), plan.helpNeeded()));
        model.asMap().putIfAbsent("summaryForm", summary == null ? new DailySummaryForm("", "")
                : new DailySummaryForm(summary.body(), summary.helpNeeded()));
        model.addAttribute("planComments", plan == null ? java.util.List.of() : reports.comments(plan));
        model.addAttribute("summaryComments", summary == null ? java.util.List.of() : reports.comments(summary));
        return "fieldwork/report-day";
    }

    @PostMapping("/reports/daily/plan")
    String submitPlan(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("planForm") DailyPlanForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return submit(result, model, redirect, () -> reports.submitDailyPlan(day, form, user), "report.plan.submitted",
                "redirect:/reports?day=" + day, () -> day(day, user, model));
    }

    @PostMapping("/reports/daily/summary")
    String submitSummary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("summaryForm") DailySummaryForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return submit(result, model, redirect, () -> reports.submitDailySummary(day, form, user),
                "report.summary.submitted", "redirect:/reports?day=" + day, () -> day(day, user, model));
    }

    @GetMapping("/reports/week")
    String week(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate week = Reports.weekOf(day == null ? LocalDate.now(clock) : day);
        var plan = reports.latest(user.id(), ReportKind.WEEKLY_PLAN, week).orElse(null);
        model.addAttribute("week", week);
        model.addAttribute("weekEnd", week.plusDays(6));
        model.addAttribute("plan", plan);
        model.addAttribute("planDue", reports.deadline(ReportKind.WEEKLY_PLAN, week));
        model.addAttribute("figures", facts.of(user.id(), week, week.plusDays(6)));
        model.addAttribute("comments", plan == null ? java.util.List.of() : reports.comments(plan));
        model.asMap().putIfAbsent("weeklyForm", plan == null ? new WeeklyPlanForm(null, null, "", "")
                : new WeeklyPlanForm(plan.goalCustomers(), plan.goalAmount(), plan.keyTasks(), plan.helpNeeded()));
        return "fieldwork/report-week";
    }

    @PostMapping("/reports/weekly/plan")
    String submitWeekly(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("weeklyForm") WeeklyPlanForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return submit(result, model, redirect, () -> reports.submitWeeklyPlan(day, form, user),
                "report.weekly.submitted", "redirect:/reports/week?day=" + Reports.weekOf(day),
                () -> week(day, user, model));
    }

    /** Who has submitted what: the members a manager leads (an administrator: everyone). */
    @GetMapping("/reports/team")
    String team(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Managers and administrators only");
        }
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", shown);
        model.addAttribute("week", Reports.weekOf(shown));
        model.addAttribute("members", reports.team(shown, user));
        return "fieldwork/report-team";
    }

    @GetMapping("/reports/{id}")
    @WritesOnGet // the viewer's read receipt
    String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Reports.Report report = reports.loadReadable(id, user);
        reports.markRead(report, user);
        model.addAttribute("report", report);
        model.addAttribute("author", reports.authorName(report));
        model.addAttribute("versions", reports.versions(report));
        List<Reports.Comment> comments = reports.comments(report);
        model.addAttribute("comments", comments);
        model.addAttribute("readers", reports.readers(report.id()));
        model.addAttribute("mayComment", report.authorId() != user.id());
        model.addAttribute("maySignOff", reports.maySignOff(report, user)
                && comments.stream().noneMatch(Reports.Comment::signOff));
        if (report.kind() == ReportKind.DAILY_SUMMARY) {
            model.addAttribute("dayPlan", reports.latest(report.authorId(), ReportKind.DAILY_PLAN,
                    report.periodStart()).orElse(null));
        }
        if (report.kind() == ReportKind.WEEKLY_PLAN) {
            model.addAttribute("weekFigures", facts.of(report.authorId(), report.periodStart(),
                    report.periodStart().plusDays(6)));
        }
        model.asMap().putIfAbsent("commentForm", new ReportCommentForm(""));
        return "fieldwork/report";
    }

    @PostMapping("/reports/{id}/comments")
    String comment(@PathVariable long id, @Valid @ModelAttribute("commentForm") ReportCommentForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        return submit(result, model, redirect, () -> {
            reports.comment(id, form, user);
            return id;
        }, "report.comment.saved", "redirect:/reports/" + id, () -> read(id, user, model));
    }

    @PostMapping("/reports/{id}/sign-off")
    String signOff(@PathVariable long id, @Valid @ModelAttribute("commentForm") ReportCommentForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        return submit(result, model, redirect, () -> {
            reports.signOff(id, form, user);
            return id;
        }, "report.signOff.saved", "redirect:/reports/" + id, () -> read(id, user, model));
    }

    /** Post/Redirect/Get: saved, a flash and the redirect; refused, the page again with the input. */
    private static String submit(BindingResult result, Model model, RedirectAttributes redirect,
            java.util.function.LongSupplier save, String savedKey, String redirectTo,
            java.util.function.Supplier<String> page) {
        if (!result.hasErrors()) {
            try {
                save.getAsLong();
                Flash.success(redirect, savedKey);
                return redirectTo;
            } catch (RuleViolation e) {
                Forms.reject(result, e);
            }
        }
        return page.get();
    }
}
