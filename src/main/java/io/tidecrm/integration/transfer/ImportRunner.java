package io.tidecrm.integration.transfer;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.customer.CustomerImport.Field;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadImport;
import io.tidecrm.support.RuleViolation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background part of an import, called by its Quartz job: the dry run and the run. Both send
 * every row through the rules of the module that owns what it brings in: one
 * {@link CustomerImport.Session} for customers (the form's rules, with the importer's scope and the
 * named owners looked up once per job), {@link LeadImport} for leads. The dry run does it in one transaction that is
 * rolled back at the end, so that it sees the file's earlier rows (a second contact, a cap filling
 * up) and writes nothing; the run commits {@value #BATCH} rows at a time together with the job's
 * progress, so that the page's counts are exact and a run cut off by a
 * restart resumes after the last committed batch.
 */
@Component
class ImportRunner {

    static final String DRY = "DRY";
    static final String RUN = "RUN";
    private static final int DRY_PROGRESS_EVERY = 50;
    /** Rows of the run per transaction. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Batches that failed and ran row by row since the start (the tests check that refusals cause none). */
    final java.util.concurrent.atomic.AtomicInteger batchesRunRowByRow = new java.util.concurrent.atomic.AtomicInteger();

    private final ImportStore store;
    private final CustomerImport customers;
    private final LeadImport leads;
    private final UserManagement users;
    private final MessageSource messages;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    ImportRunner(ImportStore store, CustomerImport customers, LeadImport leads, UserManagement users,
            MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.leads = leads;
        this.users = users;
        this.messages = messages;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs the job's current phase (the dry run or the run); a job in no working state is left alone. */
    void execute(long jobId) {
        ImportJob job = store.find(jobId).orElse(null);
        if (job == null || !job.status().working()) {
            return;
        }
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.forLanguageTag(job.locale()));
        try {
            if (job.status() == ImportJob.Status.CHECKING) {
                check(job);
            } else {
                run(job);
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private void check(ImportJob job) {
        CurrentUser importer = importer(job);
        Locale locale = Locale.forLanguageTag(job.locale());
        ownTransaction.executeWithoutResult(s -> store.clearProblems(job.id(), DRY));
        byte[] content = store.content(job.id());
        RowImporter session = rows(job, importer, clock.instant());
        Tally tally = new Tally();
        List<ImportStore.Problem> problems = new ArrayList<>();
        Set<Long> ofThisImport = new HashSet<>();
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        TransactionStatus[] tx = { transactions.getTransaction(definition) };
        List<Spreadsheets.SheetRow> chunk = new ArrayList<>(BATCH);
        try {
            Spreadsheets.read(content, job.kind(), charset(job), row -> {
                if (row.number() == 1) {
                    return true;
                }
                chunk.add(row);
                if (chunk.size() == BATCH) {
                    checkChunk(job, session, chunk, tally, problems, ofThisImport, tx, definition, locale);
                    chunk.clear();
                }
                return true;
            });
            checkChunk(job, session, chunk, tally, problems, ofThisImport, tx, definition, locale);
        } finally {
            transactions.rollback(tx[0]);
        }
        ownTransaction.executeWithoutResult(s -> {
            saveDryProgress(job, tally, problems);
            store.finish(job.id(), ImportJob.Status.CHECKED, clock.instant());
        });
    }

    /** Rows of the dry run, prepared together (see {@link CustomerImport.Session#prepare}), then one by one. */
    private void checkChunk(ImportJob job, RowImporter session, List<Spreadsheets.SheetRow> rows, Tally tally,
            List<ImportStore.Problem> problems, Set<Long> ofThisImport, TransactionStatus[] tx,
            DefaultTransactionDefinition definition, Locale locale) {
        if (rows.isEmpty()) {
            return;
        }
        session.prepare(rows);
        for (Spreadsheets.SheetRow row : rows) {
            try {
                importRow(job, session, row, ofThisImport, tally, problems, locale);
            } catch (RuntimeException e) {
                // The database refused the row (the transaction is spoiled): start a fresh one.
                tally.failed++;
                problems.add(new ImportStore.Problem(row.number(), "FAILED", unexpected(job, row.number(), e, locale)));
                transactions.rollback(tx[0]);
                tx[0] = transactions.getTransaction(definition);
            }
            // Nothing of the dry run is kept: the persistence context need not hold the rows either.
            em.clear();
            tally.processed++;
            if (tally.processed % DRY_PROGRESS_EVERY == 0) {
                saveDryProgress(job, tally, problems);
            }
        }
    }

    /**
     * One row of a phase in the current transaction, counted: a skipped or refused row goes to the
     * problems. Any other failure is thrown, the transaction spoiled.
     *
     * @return what the row did, or null when it was refused
     */
    private CustomerImport.Outcome importRow(ImportJob job, RowImporter session, Spreadsheets.SheetRow row,
            Set<Long> ofThisImport, Tally tally, List<ImportStore.Problem> problems, Locale locale) {
        try {
            CustomerImport.Outcome outcome = session.importRow(row, ofThisImport);
            tally.count(outcome.result());
            if (outcome.customerId() != null) {
                ofThisImport.add(outcome.customerId());
            }
            if (outcome.result() == CustomerImport.Result.SKIPPED) {
                problems.add(new ImportStore.Problem(row.number(), "SKIPPED",
                        messages.getMessage("transfer.row.skipped", null, locale)));
            }
            return outcome;
        } catch (RuleViolation e) {
            tally.failed++;
            problems.add(new ImportStore.Problem(row.number(), "FAILED", reason(job, e, locale)));
            return null;
        }
    }

    /** The dry run's figures and problems so far, in a transaction of their own (the rows' is rolled back). */
    private void saveDryProgress(ImportJob job, Tally tally, List<ImportStore.Problem> problems) {
        ownTransaction.executeWithoutResult(s -> {
            store.problems(job.id(), DRY, problems);
            store.progress(job.id(), tally.processed, tally.created, tally.updated, tally.skipped, tally.failed);
        });
        problems.clear();
    }

    private void run(ImportJob job) {
        CurrentUser importer = importer(job);
        Locale locale = Locale.forLanguageTag(job.locale());
        byte[] content = store.content(job.id());
        Instant at = job.startedAt() == null ? clock.instant() : job.startedAt();
        RowImporter session = rows(job, importer, at);
        Set<Long> ofThisImport = store.customersOf(job.id());
        int resumeAfter = job.processed();
        int[] index = { 0 };
        List<Spreadsheets.SheetRow> batch = new ArrayList<>(BATCH);
        Spreadsheets.read(content, job.kind(), charset(job), row -> {
            if (row.number() == 1) {
                return true;
            }
            int done = ++index[0];
            if (done <= resumeAfter) {
                return true;
            }
            batch.add(row);
            if (batch.size() == BATCH) {
                runBatch(job, session, batch, done - batch.size(), ofThisImport, locale);
                batch.clear();
            }
            return true;
        });
        if (!batch.isEmpty()) {
            runBatch(job, session, batch, index[0] - batch.size(), ofThisImport, locale);
        }
        ownTransaction.executeWithoutResult(s -> store.finish(job.id(), ImportJob.Status.DONE, clock.instant()));
    }

    /**
     * The batch's rows in one transaction, committed with the job's progress. A refused row has
     * written nothing and leaves the transaction usable (see {@link CustomerImport.Session}), so
     * the batch goes on past it and the row goes to the error workbook. Any other failure rolls the batch back and runs its rows again one
     * transaction each, so that only the failing row is lost. The owners' locks of the caps are
     * held until the batch commits.
     *
     * @param doneBefore the rows of the phase done before the batch
     */
    private void runBatch(ImportJob job, RowImporter session, List<Spreadsheets.SheetRow> rows,
            int doneBefore, Set<Long> ofThisImport, Locale locale) {
        Set<Long> seen = new HashSet<>(ofThisImport);
        try {
            ownTransaction.executeWithoutResult(s -> {
                Tally tally = new Tally();
                ImportStore.Written written = new ImportStore.Written();
                List<ImportStore.Problem> problems = new ArrayList<>();
                session.prepare(rows);
                for (Spreadsheets.SheetRow row : rows) {
                    CustomerImport.Outcome outcome = importRow(job, session, row, seen, tally, problems, locale);
                    if (outcome != null) {
                        written.add(outcome);
                    }
                    tally.processed++;
                }
                em.clear();
                store.record(job.id(), written);
                store.problems(job.id(), RUN, problems);
                store.advance(job.id(), doneBefore + rows.size(), tally.created, tally.updated, tally.skipped,
                        tally.failed);
            });
        } catch (RuntimeException e) {
            batchesRunRowByRow.incrementAndGet();
            log.warn("Import {}: a batch of {} rows failed ({}), its rows run one by one", job.id(), rows.size(),
                    e.toString());
            for (int i = 0; i < rows.size(); i++) {
                runRow(job, session, rows.get(i), doneBefore + i + 1, ofThisImport, locale);
            }
            return;
        }
        ofThisImport.addAll(seen);
    }

    /** One row in its own transaction with the job's progress: the fallback of a batch that failed. */
    private void runRow(ImportJob job, RowImporter session, Spreadsheets.SheetRow row, int done,
            Set<Long> ofThisImport, Locale locale) {
        try {
            ownTransaction.executeWithoutResult(s -> {
                CustomerImport.Outcome outcome = session.importRow(row, ofThisImport);
                ImportStore.Written written = new ImportStore.Written();
                written.add(outcome);
                store.record(job.id(), written);
                if (outcome.result() == CustomerImport.Result.SKIPPED) {
                    store.problem(job.id(), RUN, row.number(), "SKIPPED",
                            messages.getMessage("transfer.row.skipped", null, locale));
                }
                Tally tally = new Tally();
                tally.count(outcome.result());
                store.advance(job.id(), done, tally.created, tally.updated, tally.skipped, 0);
                if (outcome.customerId() != null) {
                    ofThisImport.add(outcome.customerId());
                }
            });
        } catch (RuntimeException e) {
            String reason = e instanceof RuleViolation refused ? reason(job, refused, locale)
                    : unexpected(job, row.number(), e, locale);
            ownTransaction.executeWithoutResult(s -> {
                store.problem(job.id(), RUN, row.number(), "FAILED", reason);
                store.advance(job.id(), done, 0, 0, 0, 1);
            });
        }
    }

    /** One import's rows through the rules of the module that owns what they bring in. */
    private interface RowImporter {
        CustomerImport.Outcome importRow(Spreadsheets.SheetRow row, Set<Long> ofThisImport);

        /** Looks up at once, in the current transaction, what these rows will need. */
        default void prepare(List<Spreadsheets.SheetRow> rows) {
        }
    }

    /** A lead row's outcome: created (a lead import touches no customer, so there is nothing to record for an undo). */
    private static final CustomerImport.Outcome LEAD_CREATED = new CustomerImport.Outcome(CustomerImport.Result.CREATED,
            null, false, null, 0);

    private RowImporter rows(ImportJob job, CurrentUser importer, Instant at) {
        if (job.target() == ImportTarget.LEAD) {
            return (row, ofThisImport) -> {
                leads.importRow(leadCells(job, row), importer);
                return LEAD_CREATED;
            };
        }
        CustomerImport.Session session = customers.session(job.id(), job.mode(), importer, at);
        return new RowImporter() {
            @Override
            public CustomerImport.Outcome importRow(Spreadsheets.SheetRow row, Set<Long> ofThisImport) {
                return session.importRow(cells(job, row), ofThisImport);
            }

            @Override
            public void prepare(List<Spreadsheets.SheetRow> rows) {
                session.prepare(rows.stream().map(row -> cells(job, row)).toList());
            }
        };
    }

    /** Rows done in a phase, by what they did. */
    private static final class Tally {
        int processed;
        int created;
        int updated;
        int skipped;
        int failed;

        void count(CustomerImport.Result result) {
            switch (result) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED -> skipped++;
            }
        }
    }

    private CurrentUser importer(ImportJob job) {
        UserSummary u = users.findUser(job.userId()).orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.teamId(), u.enabled(), null);
    }

    private static Charset charset(ImportJob job) {
        return job.charset() == null ? null : Charset.forName(job.charset());
    }

    /** The row's cells by field, as the mapping says. */
    static Map<Field, String> cells(ImportJob job, Spreadsheets.SheetRow row) {
        Map<Field, String> cells = new EnumMap<>(Field.class);
        for (int column = 0; column < job.headers().size(); column++) {
            String field = job.fieldOf(column);
            if (field != null) {
                cells.put(Field.valueOf(field), row.cell(column));
            }
        }
        return cells;
    }

    /** A lead row's cells by field, as the mapping says. */
    static Map<LeadImport.Field, String> leadCells(ImportJob job, Spreadsheets.SheetRow row) {
        Map<LeadImport.Field, String> cells = new EnumMap<>(LeadImport.Field.class);
        for (int column = 0; column < job.headers().size(); column++) {
            String field = job.fieldOf(column);
            if (field != null) {
                cells.put(LeadImport.Field.valueOf(field), row.cell(column));
            }
        }
        return cells;
    }

    /** Every refused rule of the row in the uploader's language, each after its column's header. */
    private String reason(ImportJob job, RuleViolation refused, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (RuleViolation.Violation v : refused.violations()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String header = header(job, v.field());
            if (header != null) {
                text.append('[').append(header).append("] ");
            }
            text.append(messages.getMessage(new DefaultMessageSourceResolvable(new String[] { v.messageKey() },
                    v.argArray(), v.messageKey()), locale));
        }
        return text.toString();
    }

    private static String header(ImportJob job, String field) {
        if (field == null) {
            return null;
        }
        for (int column = 0; column < job.headers().size(); column++) {
            if (field.equals(job.fieldOf(column))) {
                return job.headers().get(column);
            }
        }
        return null;
    }

    private String unexpected(ImportJob job, int rowNo, RuntimeException e, Locale locale) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Import {} row {} failed unexpectedly (error id {})", job.id(), rowNo, id, e);
        return messages.getMessage("transfer.row.unexpected", new Object[] { id }, locale);
    }
}
