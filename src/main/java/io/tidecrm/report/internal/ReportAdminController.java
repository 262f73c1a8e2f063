package io.tidecrm.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.support.Flash;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators: the runs of the leaderboard rollup (with "run now"), and the rebuild that
 * recomputes the ledger of a range from the source facts and lists every difference.
 */
@Controller
class ReportAdminController {

    /** The longest range one rebuild covers, in days. */
    static final int MAX_REBUILD_DAYS = 3 * 366;

    private final ReportJobs jobs;
    private final LedgerRebuild rebuild;
    private final Leaderboard leaderboard;
    private final JdbcClient jdbc;

    ReportAdminController(ReportJobs jobs, LedgerRebuild rebuild, Leaderboard leaderboard, JdbcClient jdbc) {
        this.jobs = jobs;
        this.rebuild = rebuild;
        this.leaderboard = leaderboard;
        this.jdbc = jdbc;
    }

    record Run(String job, Instant scheduledAt, Instant startedAt, Instant finishedAt, String status, int affected,
            boolean manual, String message) {
    }

    @GetMapping("/admin/leaderboard")
    String page(Model model) {
        LocalDate today = leaderboard.today();
        model.addAttribute("from", today.minusDays(90));
        model.addAttribute("to", today);
        return page(model, null);
    }

    @PostMapping("/admin/leaderboard/rebuild")
    String rebuild(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean apply, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("apply", apply);
        String problem = from == null ? "report.rebuild.from.invalid" : to == null ? "report.rebuild.to.invalid"
                : to.isBefore(from) ? "report.rebuild.range" : from.plusDays(MAX_REBUILD_DAYS).isBefore(to)
                        ? "report.rebuild.tooLong" : null;
        if (problem != null) {
            model.addAttribute("problem", problem);
            return page(model, null);
        }
        return page(model, rebuild.rebuild(from, to, apply));
    }

    @PostMapping("/admin/leaderboard/rollup")
    String rollupNow(RedirectAttributes redirect) {
        ReportJobs.Outcome outcome = jobs.rollup(Instant.now(leaderboard.clock()), true);
        if ("FAILED".equals(outcome.status())) {
            Flash.error(redirect, "report.rollup.failed");
        } else {
            Flash.success(redirect, "report.rollup.done", outcome.affected());
        }
        return "redirect:/admin/leaderboard";
    }

    @PostMapping("/admin/leaderboard/push")
    String pushNow(RedirectAttributes redirect) {
        ReportJobs.Outcome outcome = jobs.push(Instant.now(leaderboard.clock()), true);
        if ("FAILED".equals(outcome.status())) {
            Flash.error(redirect, "report.push.failed");
        } else {
            Flash.success(redirect, "report.push.done", outcome.affected());
        }
        return "redirect:/admin/leaderboard";
    }

    private String page(Model model, LedgerRebuild.Report report) {
        model.addAttribute("report", report);
        model.addAttribute("runs", runs());
        return "report/admin";
    }

    private List<Run> runs() {
        return jdbc.sql("""
                SELECT job, scheduled_at, started_at, finished_at, status, affected, manual, message
                FROM report_job_run ORDER BY started_at DESC LIMIT 30
                """).query((rs, n) -> new Run(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)), rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8)))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
