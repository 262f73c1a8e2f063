package io.tidecrm.integration.transfer;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.customer.CustomerImport.Field;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
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
 * every row through {@link CustomerImport#importRow} (the form's rules). The dry run does it in one
 * transaction that is rolled back at the end, so that it sees the file's earlier rows (a second
 * contact, a cap filling up) and writes nothing; the run commits each row in its own transaction
 * together with the job's progress, so that the page's counts are exact and a run cut off by a
 * restart resumes after the last committed row.
 */
@Component
class ImportRunner {

    static final String DRY = "DRY";
    static final String RUN = "RUN";
    private static final int DRY_PROGRESS_EVERY = 50;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportStore store;
    private final CustomerImport customers;
    private final UserManagement users;
    private final MessageSource messages;
    private final PlatformTransactionManager transactions;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    ImportRunner(ImportStore store, CustomerImport customers, UserManagement users, MessageSource messages,
            PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.customers = customers;
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
        Instant at = clock.instant();
        int[] counts = new int[5]; // processed, created, updated, skipped, failed
        Set<Long> ofThisImport = new HashSet<>();
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        TransactionStatus[] tx = { transactions.getTransaction(definition) };
        try {
            Spreadsheets.read(content, job.kind(), charset(job), row -> {
                if (row.number() == 1) {
                    return true;
                }
                try {
                    CustomerImport.Outcome outcome = customers.importRow(cells(job, row), job.mode(), importer, at,
                            ofThisImport);
                    count(counts, outcome);
                    if (outcome.customerId() != null) {
                        ofThisImport.add(outcome.customerId());
                    }
                    if (outcome.result() == CustomerImport.Result.SKIPPED) {
                        String reason = messages.getMessage("transfer.row.skipped", null, locale);
                        ownTransaction.executeWithoutResult(s -> store.problem(job.id(), DRY, row.number(), "SKIPPED", reason));
                    }
                } catch (RuleViolation e) {
                    counts[4]++;
                    String reason = reason(job, e, locale);
                    ownTransaction.executeWithoutResult(s -> store.problem(job.id(), DRY, row.number(), "FAILED", reason));
                } catch (RuntimeException e) {
                    // The database refused the row (the transaction is spoiled): start a fresh one.
                    counts[4]++;
                    String reason = unexpected(job, row.number(), e, locale);
                    ownTransaction.executeWithoutResult(s -> store.problem(job.id(), DRY, row.number(), "FAILED", reason));
                    transactions.rollback(tx[0]);
                    tx[0] = transactions.getTransaction(definition);
                }
                // Nothing of the dry run is kept: the persistence context need not hold the rows either.
                em.clear();
                counts[0]++;
                if (counts[0] % DRY_PROGRESS_EVERY == 0) {
                    ownTransaction.executeWithoutResult(s -> store.progress(job.id(), counts[0], counts[1], counts[2],
                            counts[3], counts[4]));
                }
                return true;
            });
        } finally {
            transactions.rollback(tx[0]);
        }
        ownTransaction.executeWithoutResult(s -> {
            store.progress(job.id(), counts[0], counts[1], counts[2], counts[3], counts[4]);
            store.finish(job.id(), ImportJob.Status.CHECKED, clock.instant());
        });
    }

    private void run(ImportJob job) {
        CurrentUser importer = importer(job);
        Locale locale = Locale.forLanguageTag(job.locale());
        byte[] content = store.content(job.id());
        Instant at = job.startedAt() == null ? clock.instant() : job.startedAt();
        Set<Long> ofThisImport = store.customersOf(job.id());
        int resumeAfter = job.processed();
        int[] index = { 0 };
        Spreadsheets.read(content, job.kind(), charset(job), row -> {
            if (row.number() == 1) {
                return true;
            }
            int done = ++index[0];
            if (done <= resumeAfter) {
                return true;
            }
            try {
                ownTransaction.executeWithoutResult(s -> {
                    CustomerImport.Outcome outcome = customers.importRow(cells(job, row), job.mode(), importer, at,
                            ofThisImport);
                    if (outcome.customerId() != null) {
                        store.recordCustomer(job.id(), outcome.customerId(), outcome.customerCreated(),
                                outcome.customerVersion());
                    }
                    if (outcome.contactId() != null) {
                        store.recordContact(job.id(), outcome.contactId());
                    }
                    if (outcome.result() == CustomerImport.Result.SKIPPED) {
                        store.problem(job.id(), RUN, row.number(), "SKIPPED",
                                messages.getMessage("transfer.row.skipped", null, locale));
                    }
                    store.advance(job.id(), done, counter(outcome.result()));
                    if (outcome.customerId() != null) {
                        ofThisImport.add(outcome.customerId());
                    }
                });
            } catch (RuntimeException e) {
                String reason = e instanceof RuleViolation refused ? reason(job, refused, locale)
                        : unexpected(job, row.number(), e, locale);
                ownTransaction.executeWithoutResult(s -> {
                    store.problem(job.id(), RUN, row.number(), "FAILED", reason);
                    store.advance(job.id(), done, "failed_rows");
                });
            }
            return true;
        });
        ownTransaction.executeWithoutResult(s -> store.finish(job.id(), ImportJob.Status.DONE, clock.instant()));
    }

    private static void count(int[] counts, CustomerImport.Outcome outcome) {
        switch (outcome.result()) {
            case CREATED -> counts[1]++;
            case UPDATED -> counts[2]++;
            case SKIPPED -> counts[3]++;
        }
    }

    private static String counter(CustomerImport.Result result) {
        return switch (result) {
            case CREATED -> "created_rows";
            case UPDATED -> "updated_rows";
            case SKIPPED -> "skipped_rows";
        };
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
            Field field = job.fieldOf(column);
            if (field != null) {
                cells.put(field, row.cell(column));
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
            Field mapped = job.fieldOf(column);
            if (mapped != null && mapped.name().equals(field)) {
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
