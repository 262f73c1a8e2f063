package io.tidecrm.integration.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Flash;
import io.tidecrm.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: the list with the upload form and the template, then one page per import
 * that shows its step (mapping, dry run under way, its problems, the run under way, the result
 * with the error workbook and undo), polled by htmx while a phase runs.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PROBLEMS_SHOWN = 500;

    private final ImportService imports;
    private final ImportStore store;
    private final ImportWorkbooks workbooks;

    ImportController(ImportService imports, ImportStore store, ImportWorkbooks workbooks) {
        this.imports = imports;
        this.store = store;
        this.workbooks = workbooks;
    }

    @GetMapping
    String list(@RequestParam(required = false) String cursor, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("page", imports.list(user, cursor));
        return "integration/transfer/imports";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String target,
            @AuthenticationPrincipal CurrentUser user, Locale locale, RedirectAttributes redirect) throws IOException {
        ImportService.requireImporter(user);
        try {
            long id = imports.upload(target(target), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), locale, user);
            return "redirect:/imports/" + id;
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
            return "redirect:/imports";
        }
    }

    @GetMapping("/template.xlsx")
    void template(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportService.requireImporter(user);
        download(response, "transfer.template.fileName", locale);
        workbooks.writeTemplate(response.getOutputStream(), locale);
    }

    @GetMapping("/lead-template.xlsx")
    void leadTemplate(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response)
            throws IOException {
        ImportService.requireImporter(user);
        download(response, "transfer.template.leadFileName", locale);
        workbooks.writeLeadTemplate(response.getOutputStream(), locale);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ImportJob job = imports.find(id, user);
        model.addAttribute("job", job);
        model.addAttribute("fields", job.target().fields());
        model.addAttribute("modes", job.target() == ImportTarget.CUSTOMER ? CustomerImport.Mode.values()
                : new CustomerImport.Mode[0]);
        model.addAttribute("mapping", imports.mappingOf(job, user));
        String phase = job.status() == ImportJob.Status.CHECKED ? ImportRunner.DRY : ImportRunner.RUN;
        model.addAttribute("problems", store.problems(id, phase, PROBLEMS_SHOWN));
        model.addAttribute("problemsShown", PROBLEMS_SHOWN);
        model.addAttribute("blockers", imports.blockers(job));
        return "integration/transfer/import";
    }

    /** The progress bar while a phase runs; once it is over, the whole page again (htmx refresh). */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response) {
        ImportJob job = imports.find(id, user);
        if (!job.status().working()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "integration/transfer/import :: progress";
    }

    @PostMapping("/{id}/check")
    String check(@PathVariable long id, @RequestParam(required = false) String[] mapping,
            @RequestParam(required = false) String mode, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            imports.check(id, mapping == null ? List.of() : new ArrayList<>(Arrays.asList(mapping)), mode(mode), user);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/run")
    String run(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            imports.run(id, user);
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            List<CustomerImport.Blocker> blockers = imports.undo(id, user);
            if (blockers.isEmpty()) {
                Flash.success(redirect, "transfer.undo.done");
            } else {
                Flash.error(redirect, "transfer.undo.blocked", blockers.size());
            }
        } catch (RuleViolation e) {
            Flash.error(redirect, e);
        }
        return "redirect:/imports/" + id;
    }

    /** The rows that failed or were skipped (of the run, or of the dry run before it), with the reason. */
    @GetMapping("/{id}/errors.xlsx")
    void errors(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale,
            HttpServletResponse response) throws IOException {
        ImportJob job = imports.find(id, user);
        String phase = job.status() == ImportJob.Status.DONE || job.status() == ImportJob.Status.UNDONE
                ? ImportRunner.RUN : ImportRunner.DRY;
        download(response, "transfer.errors.fileName", locale);
        workbooks.writeErrors(job, phase, response.getOutputStream());
    }

    /** Customers unless leads are asked for. */
    private static ImportTarget target(String target) {
        return ImportTarget.LEAD.name().equals(target) ? ImportTarget.LEAD : ImportTarget.CUSTOMER;
    }

    private static CustomerImport.Mode mode(String mode) {
        try {
            return mode == null ? null : CustomerImport.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void download(HttpServletResponse response, String nameKey, Locale locale) {
        response.setContentType(XLSX);
        String name = workbooks.message(nameKey, locale);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    }
}
