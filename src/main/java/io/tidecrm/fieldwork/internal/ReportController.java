package io.tidecrm.fieldwork.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Flash;
import io.tidecrm.support.Forms;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.WritesOnGet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final WeeklyTasks tasks;
    private final ReportRules rules;
    private final SelfChecks checks;
    private final Clock clock;

    ReportController(Reports reports, DayFacts facts, VisitQueries visits, WeeklyTasks tasks, ReportRules rules,
            SelfChecks checks, Clock clock) {
        this.checks = checks;
        this.tasks = tasks;
        this.rules = rules;
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
        // The behaviour self-check inside the summary: today a checklist pre-filled with today's answers.
        List<SelfChecks.Answer> answers = checks.answers(user.id(), shown);
        model.addAttribute("checkItems", checks.items(true));
        model.addAttribute("checkToday", shown.equals(LocalDate.now(clock)));
        model.addAttribute("checkAnswers", answers);
        model.asMap().putIfAbsent("checkInputs", SelfChecks.prefilled(answers));
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
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        // The self-check's checklist, when the form had one ("selfCheck"): kept as ticked if refused.
        List<SelfChecks.Input> checklist = params.containsKey("selfCheck")
                ? SelfChecks.inputs(checks.items(true), params) : null;
        if (checklist != null) {
            model.addAttribute("checkInputs", SelfChecks.byItem(checklist));
        }
        return submit(result, model, redirect, () -> reports.submitDailySummary(day, form, user, checklist),
                "report.summary.submitted", "redirect:/reports?day=" + day, () -> day(day, user, model));
    }

    @GetMapping("/reports/week")
    String week(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate week = Reports.weekOf(day == null ? LocalDate.now(clock) : day);
        var plan = reports.latest(user.id(), ReportKind.WEEKLY_PLAN, week).orElse(null);
        List<WeeklyTasks.Day> planTasks = plan == null ? List.of() : tasks.of(plan.id());
        model.addAttribute("week", week);
        model.addAttribute("weekEnd", week.plusDays(6));
        model.addAttribute("plan", plan);
        model.addAttribute("planTasks", planTasks);
        model.addAttribute("planDue", reports.deadline(ReportKind.WEEKLY_PLAN, week));
        model.addAttribute("figures", facts.of(user.id(), week, week.plusDays(6)));
        model.addAttribute("comments", plan == null ? java.util.List.of() : reports.comments(plan));
        WeeklyPlanForm form = plan == null ? new WeeklyPlanForm(null, null, List.of(), "")
                : new WeeklyPlanForm(plan.goalCustomers(), plan.goalAmount(), WeeklyTasks.formRows(planTasks),
                        plan.helpNeeded());
        model.asMap().putIfAbsent("weeklyForm", form);
        if (!model.containsAttribute("taskDays")) {
            model.addAttribute("taskDays", WeeklyTasks.formDays(rules.planDays(week), form.rows(), i -> false));
        }
        return "fieldwork/report-week";
    }

    @PostMapping("/reports/weekly/plan")
    String submitWeekly(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @ModelAttribute("weeklyForm") WeeklyPlanForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        LocalDate week = Reports.weekOf(day);
        if (form != null) {
            // Every row's rules at once, beside the input's own errors (saving checks them again).
            RuleViolation refused = WeeklyTasks.check(form.rows(), week);
            if (refused != null && result.hasErrors()) {
                refused.violations().stream().filter(v -> v.field() == null || !result.hasFieldErrors(v.field()))
                        .forEach(v -> Forms.reject(result, v.field(), v.messageKey(), v.argArray()));
            }
        }
        // The rows as typed, also when the input could not build a form (a time not a time).
        List<WeeklyTaskForm> rows = form != null ? form.rows() : typedRows(request);
        model.addAttribute("taskDays", WeeklyTasks.formDays(rules.planDays(week), rows,
                i -> result.hasFieldErrors("tasks[" + i + "].*")));
        return submit(result, model, redirect, () -> reports.submitWeeklyPlan(day, form, user),
                "report.weekly.submitted", "redirect:/reports/week?day=" + week, () -> week(day, user, model));
    }

    /** The rows' days and descriptions from the request, for a form that binding could not build. */
    private static List<WeeklyTaskForm> typedRows(HttpServletRequest request) {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^tasks\\[(\\d{1,2})]\\.day$");
        List<WeeklyTaskForm> rows = new java.util.ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            java.util.regex.Matcher m = row.matcher(name);
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                while (rows.size() <= i) {
                    rows.add(null);
                }
                LocalDate rowDay;
                try {
                    rowDay = LocalDate.parse(request.getParameter(name));
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                rows.set(i, new WeeklyTaskForm(rowDay, request.getParameter("tasks[" + i + "].description"),
                        null, null));
            }
        }
        return rows;
    }

    /** Row indexes beyond what binding grows a list to come only from a hand-made request: a bad request. */
    @ExceptionHandler(IndexOutOfBoundsException.class)
    void rowIndexOutOfRange(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(org.springframework.http.HttpStatus.BAD_REQUEST.value());
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
        List<Reports.MemberStatus> members = reports.team(shown, user);
        model.addAttribute("members", members);
        // Each member's tasks of the day from their weekly plan (one statement for the team).
        Map<Long, List<WeeklyTasks.Day>> weekTasks = tasks.of(members.stream().filter(m -> m.weekly() != null)
                .map(m -> m.weekly().id()).toList());
        Map<Long, List<WeeklyTasks.Day>> dayTasks = new HashMap<>();
        members.stream().filter(m -> m.weekly() != null).forEach(m -> weekTasks
                .getOrDefault(m.weekly().id(), List.of()).stream().filter(d -> d.day().equals(shown)).findFirst()
                .ifPresent(d -> dayTasks.put(m.member().id(), List.of(d))));
        model.addAttribute("dayTasks", dayTasks);
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
            model.addAttribute("selfCheckAnswers", checks.answers(report.authorId(), report.periodStart()));
            model.addAttribute("dayPlan", reports.latest(report.authorId(), ReportKind.DAILY_PLAN,
                    report.periodStart()).orElse(null));
        }
        if (report.kind() == ReportKind.WEEKLY_PLAN) {
            model.addAttribute("weekFigures", facts.of(report.authorId(), report.periodStart(),
                    report.periodStart().plusDays(6)));
            model.addAttribute("planTasks", tasks.of(report.id()));
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
