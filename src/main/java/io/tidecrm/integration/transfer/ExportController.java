package io.tidecrm.integration.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.ExportSink;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrators' exports (the security chain admits only them to /admin/**). The download is
 * a POST: it writes an audit entry, so it is a change, with the CSRF token of the form.
 */
@Controller
@RequestMapping("/admin/exports")
class ExportController {

    private final ExportService exports;
    private final Clock clock;

    ExportController(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    /** The form; {@code invalid} names the message of a refused export (choose, badDate). */
    @GetMapping
    String page(@RequestParam(required = false) String invalid, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        ExportService.requireAdmin(user);
        if ("choose".equals(invalid) || "badDate".equals(invalid)) {
            model.addAttribute("invalid", "transfer.export." + invalid);
        }
        model.addAttribute("datasets", ExportDataset.values());
        model.addAttribute("formats", ExportFormat.values());
        return "integration/transfer/exports";
    }

    @PostMapping
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String dataset,
            @RequestParam(required = false) String format, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        ExportService.requireAdmin(user);
        ExportDataset what = parse(ExportDataset.class, dataset);
        ExportFormat as = parse(ExportFormat.class, format);
        if (what == null || as == null) {
            return refused("choose");
        }
        LocalDate fromDate;
        LocalDate toDate;
        try {
            fromDate = from == null || from.isBlank() ? null : LocalDate.parse(from);
            toDate = to == null || to.isBlank() ? null : LocalDate.parse(to);
        } catch (RuntimeException e) {
            return refused("badDate");
        }
        ExportSink.Period period = new ExportSink.Period(fromDate, toDate);
        String name = what.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "." + as.extension;
        StreamingResponseBody body = out -> exports.export(what, as, period, user, locale, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, as.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Back to the form with the message (a download's answer cannot carry a flash message). */
    private static ResponseEntity<StreamingResponseBody> refused(String why) {
        return ResponseEntity.status(303)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/admin/exports")
                        .queryParam("invalid", why).build().toUri())
                .build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
