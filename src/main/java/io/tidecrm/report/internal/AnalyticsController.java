package io.tidecrm.report.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tidecrm.customer.CustomerStatistics;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.ListQueryBinding;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The sales reports with their charts (报表), for everyone in their own scope, and their export
 * to .xlsx for managers and administrators.
 */
@Controller
class AnalyticsController {

    private final Analytics analytics;
    private final ReportExports exports;

    AnalyticsController(Analytics analytics, ReportExports exports) {
        this.analytics = analytics;
        this.exports = exports;
    }

    record Resolved(Period period, CustomerStatistics.Dimension by, List<String> problems) {
    }

    @GetMapping("/analytics")
    String analytics(@ModelAttribute("filter") AnalyticsFilter filter, WebRequest request,
            @AuthenticationPrincipal CurrentUser viewer, Model model) {
        Resolved r = resolve(filter, request);
        model.addAttribute("view", r);
        model.addAttribute("report", analytics.report(viewer, r.period(), r.by()));
        model.addAttribute("kinds", List.of(Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR));
        model.addAttribute("dimensions", CustomerStatistics.Dimension.values());
        model.addAttribute("sections", ReportExports.Section.values());
        return "report/analytics";
    }

    /** A POST: the export is an audited act, and no GET changes anything. */
    @PostMapping("/analytics/export")
    void export(@ModelAttribute("filter") AnalyticsFilter filter, @RequestParam ReportExports.Section section,
            WebRequest request, @AuthenticationPrincipal CurrentUser viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        ReportExports.requireExporter(viewer);
        Resolved r = resolve(filter, request);
        exports.analytics(section, analytics.report(viewer, r.period(), r.by()), viewer, locale, response);
    }

    private Resolved resolve(AnalyticsFilter filter, WebRequest request) {
        List<String> problems = new ArrayList<>();
        Set<String> leftOut = ListQueryBinding.leftOut(request);
        for (String field : List.of("period", "date", "from", "to", "by")) {
            if (leftOut.contains(field)) {
                problems.add("analytics.problem." + field);
            }
        }
        Period.Kind kind = filter.period() == null || filter.period() == Period.Kind.DAY
                || filter.period() == Period.Kind.WEEK ? Period.Kind.MONTH : filter.period();
        Period period = Period.resolve(kind, filter.date(), filter.from(), filter.to(), analytics.today(), leftOut,
                problems, Period.Kind.MONTH, "analytics.problem.");
        CustomerStatistics.Dimension by = filter.by() == null ? CustomerStatistics.Dimension.SOURCE : filter.by();
        return new Resolved(period, by, problems);
    }
}
