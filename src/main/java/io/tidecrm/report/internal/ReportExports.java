package io.tidecrm.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.audit.AuditTrail;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The reports and the leaderboard as .xlsx files, written row by row to the response (FastExcel
 * streams the sheet), with the labels of the page in the viewer's language. Every export is
 * audited before the file is sent ({@link AuditTrail}).
 */
@Component
class ReportExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The tables of the reports page, each exported as it is shown. */
    enum Section {
        PIPELINE, FUNNEL, STAGE_TIME, OUTCOMES, FORECAST, MONEY, AGING, NEW_CUSTOMERS, FOLLOW_UPS, LEADS, RENEWALS
    }

    private final MessageSource messages;
    private final AuditTrail audit;

    ReportExports(MessageSource messages, AuditTrail audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** A table: its title, column headers and rows of cells (text, numbers, dates or null). */
    record Sheet(String title, List<String> headers, List<List<Object>> rows) {
    }

    void analytics(Section section, Analytics.Report report, CurrentUser viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        Sheet sheet = AnalyticsSheets.of(section, report, key -> label(key, locale));
        String period = report.period().from() + "_" + report.period().to();
        write(sheet, "report-" + section.name().toLowerCase(Locale.ROOT) + "-" + period,
                "report:" + section, "period=" + report.period().from() + ".." + report.period().to()
                        + (section == Section.NEW_CUSTOMERS ? " by=" + report.by() : ""),
                viewer, response);
    }

    void leaderboard(Leaderboard.Ranking ranking, String teamName, CurrentUser viewer, Locale locale,
            HttpServletResponse response) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Leaderboard.Row r : ranking.rows()) {
            rows.add(Arrays.asList(r.rank(), r.name(), r.teamName(), r.value(), r.gap(), r.target(),
                    r.attainment() == null ? null : BigDecimal.valueOf(r.attainment())));
        }
        String title = label("report.board." + ranking.board(), locale) + " · " + ranking.period().from() + " – "
                + ranking.period().to() + (teamName == null ? "" : " · " + teamName);
        Sheet sheet = new Sheet(title, List.of(label("report.rank", locale), label("report.rep", locale),
                label("report.team", locale), label("analytics.col.value", locale), label("report.gap", locale),
                label("report.target", locale), label("analytics.col.attainment", locale)), rows);
        write(sheet, "leaderboard-" + ranking.board().name().toLowerCase(Locale.ROOT) + "-" + ranking.period().from()
                + "_" + ranking.period().to(), "leaderboard:" + ranking.board(),
                "period=" + ranking.period().from() + ".." + ranking.period().to() + " team="
                        + (ranking.teamId() == null ? "company" : ranking.teamId()),
                viewer, response);
    }

    /** Managers and administrators export, for their scope; a rep is refused. */
    static void requireExporter(CurrentUser viewer) {
        if (!viewer.isManager() && !viewer.isAdmin()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.FORBIDDEN);
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private void write(Sheet sheet, String fileName, String what, String filter, CurrentUser viewer,
            HttpServletResponse response) throws IOException {
        // Audited before the file is sent: a failure to audit stops the download.
        audit.dataExported(viewer.id(), viewer.getUsername(), what, "rows=" + sheet.rows().size() + " filter=" + filter);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (OutputStream out = response.getOutputStream()) {
            Workbook workbook = new Workbook(out, "Tide CRM", "1.0");
            Worksheet ws = workbook.newWorksheet(sheetName(sheet.title()));
            ws.value(0, 0, sheet.title());
            ws.style(0, 0).bold().set();
            for (int c = 0; c < sheet.headers().size(); c++) {
                ws.value(2, c, sheet.headers().get(c));
                ws.style(2, c).bold().fillColor("DDEBF7").set();
            }
            int r = 3;
            for (List<Object> row : sheet.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    cell(ws, r, c, row.get(c));
                }
                if (r % 1000 == 0) {
                    ws.flush();
                }
                r++;
            }
            workbook.finish();
        }
    }

    private static void cell(Worksheet ws, int r, int c, Object value) {
        if (value instanceof BigDecimal n) {
            ws.value(r, c, n);
        } else if (value instanceof Number n) {
            ws.value(r, c, n);
        } else if (value instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else if (value != null) {
            // Text is written as a string cell, which a spreadsheet never runs as a formula.
            ws.value(r, c, value.toString());
        }
    }

    /** Sheet names are at most 31 characters and may not hold : \ / ? * [ ]. */
    private static String sheetName(String title) {
        String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
