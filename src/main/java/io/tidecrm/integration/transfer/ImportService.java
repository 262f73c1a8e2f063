package io.tidecrm.integration.transfer;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import's steps as the pages take them: upload, map the columns (remembered per user),
 * the dry run, the run, undo. Administrators and managers import (a manager gives customers
 * to the members of their teams only, through the customer module's scope); reps do not, since an
 * import is a bulk change of ownership. An import is seen by its uploader and the administrators.
 */
@Service
@Transactional
class ImportService {

    /** Rows a file may hold (besides its header). */
    static final int MAX_ROWS = 50_000;

    private final ImportStore store;
    private final ColumnGuess guess;
    private final ImportLauncher launcher;
    private final CustomerImport customers;
    private final Clock clock;

    ImportService(ImportStore store, ColumnGuess guess, ImportLauncher launcher, CustomerImport customers, Clock clock) {
        this.store = store;
        this.guess = guess;
        this.launcher = launcher;
        this.customers = customers;
        this.clock = clock;
    }

    static void requireImporter(CurrentUser user) {
        if (user.role() == Role.REP) {
            throw new AccessDeniedException("Only administrators and managers import");
        }
    }

    /** Reads the file's header and counts its rows; the file is kept until the import is done with. */
    long upload(String fileName, byte[] content, Locale locale, CurrentUser user) {
        return upload(ImportTarget.CUSTOMER, fileName, content, locale, user);
    }

    /** An upload of customers with their contacts, or of leads. */
    long upload(ImportTarget target, String fileName, byte[] content, Locale locale, CurrentUser user) {
        requireImporter(user);
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "transfer.upload.empty");
        }
        String name = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        Spreadsheets.Kind kind = Spreadsheets.kindOf(content);
        if (kind == Spreadsheets.Kind.CSV && name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || kind == Spreadsheets.Kind.XLSX && !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new RuleViolation("file", "transfer.upload.format");
        }
        Charset charset = kind == Spreadsheets.Kind.CSV ? Spreadsheets.charsetOf(content) : null;
        List<String> headers = new ArrayList<>();
        int[] rows = { 0 };
        try {
            Spreadsheets.read(content, kind, charset, row -> {
                if (headers.isEmpty()) {
                    row.cells().forEach(c -> headers.add(c == null ? "" : c.strip()));
                } else {
                    rows[0]++;
                }
                return rows[0] <= MAX_ROWS;
            });
        } catch (RuntimeException e) {
            throw new RuleViolation("file", "transfer.upload.unreadable");
        }
        if (headers.isEmpty() || rows[0] == 0) {
            throw new RuleViolation("file", "transfer.upload.noRows");
        }
        if (rows[0] > MAX_ROWS) {
            throw new RuleViolation("file", "transfer.upload.tooManyRows", MAX_ROWS);
        }
        return store.insert(user.id(), target, name.length() > 255 ? name.substring(0, 255) : name, kind,
                charset == null ? null : charset.name(), content, headers, locale.toLanguageTag(), rows[0],
                clock.instant());
    }

    /** The import, when the user may see it (its uploader, an administrator); otherwise 404. */
    @Transactional(readOnly = true)
    ImportJob find(long id, CurrentUser user) {
        requireImporter(user);
        return store.find(id).filter(j -> j.userId() == user.id() || user.role() == Role.ADMIN)
                .orElseThrow(ImportNotFoundException::new);
    }

    @Transactional(readOnly = true)
    KeysetPage<ImportJob> list(CurrentUser user, String cursor) {
        requireImporter(user);
        return store.list(user.role() == Role.ADMIN ? null : user.id(), cursor);
    }

    /** The mapping to show: the saved one, or a guess from the headers and the user's earlier choices. */
    @Transactional(readOnly = true)
    List<String> mappingOf(ImportJob job, CurrentUser user) {
        return job.mapping() != null ? job.mapping()
                : guess.guess(job.target(), job.headers(), store.choices(user.id()));
    }

    /**
     * Saves the mapping (and remembers it for the user's next file) and queues the dry run. Leads
     * are only created (a lead that matches an existing one is a duplicate), whatever the mode.
     */
    void check(long id, List<String> mapping, CustomerImport.Mode mode, CurrentUser user) {
        ImportJob job = find(id, user);
        if (job.target() == ImportTarget.LEAD) {
            mode = CustomerImport.Mode.CREATE_ONLY;
        }
        if (mode == null) {
            throw new RuleViolation("mode", "transfer.mapping.mode");
        }
        List<String> clean = new ArrayList<>();
        for (int c = 0; c < job.headers().size(); c++) {
            String field = mapping != null && c < mapping.size() && mapping.get(c) != null ? mapping.get(c) : "";
            if (!field.isEmpty() && !job.target().hasField(field)) {
                field = "";
            }
            if (!field.isEmpty() && clean.contains(field)) {
                throw new RuleViolation("mapping", "transfer.mapping.twice", job.headers().get(c));
            }
            clean.add(field);
        }
        if (!clean.contains(job.target().keyField())) {
            throw new RuleViolation("mapping", "transfer.mapping.nameMissing");
        }
        if (!store.startCheck(id, clean, mode)) {
            throw new RuleViolation(null, "transfer.state.changed");
        }
        for (int c = 0; c < clean.size(); c++) {
            String key = ColumnGuess.fold(job.headers().get(c));
            if (!key.isEmpty()) {
                store.remember(user.id(), key, clean.get(c));
            }
        }
        launcher.launch(id, ImportRunner.DRY);
    }

    /** Queues the run after a dry run. */
    void run(long id, CurrentUser user) {
        find(id, user);
        if (!store.startRun(id, clock.instant())) {
            throw new RuleViolation(null, "transfer.state.changed");
        }
        store.clearProblems(id, ImportRunner.RUN);
        launcher.launch(id, ImportRunner.RUN);
    }

    /** The customers that block undoing the import (empty when it can be undone). */
    @Transactional(readOnly = true)
    List<CustomerImport.Blocker> blockers(ImportJob job) {
        if (job.status() != ImportJob.Status.DONE || job.target() == ImportTarget.LEAD) {
            return List.of();
        }
        return customers.blockersOfUndo(job.id(), store.createdVersions(job.id()), store.contactsOf(job.id()));
    }

    /**
     * Removes what the import created and gives what it updated its previous values, as a whole,
     * or nothing and the blockers.
     *
     * @return the customers that block it (empty when it was undone)
     */
    List<CustomerImport.Blocker> undo(long id, CurrentUser user) {
        ImportJob job = find(id, user);
        if (job.status() != ImportJob.Status.DONE) {
            throw new RuleViolation(null, "transfer.state.changed");
        }
        if (job.target() == ImportTarget.LEAD) {
            // Leads are worked from the moment they arrive (assigned, notified): they are not taken back as a whole.
            throw new RuleViolation(null, "transfer.undo.leads");
        }
        Map<Long, Long> created = store.createdVersions(id);
        Set<Long> contacts = store.contactsOf(id);
        List<CustomerImport.Blocker> blockers = customers.undo(id, created, contacts, user.id());
        if (blockers.isEmpty() && !store.markUndone(id, clock.instant())) {
            throw new RuleViolation(null, "transfer.state.changed");
        }
        return blockers;
    }
}
