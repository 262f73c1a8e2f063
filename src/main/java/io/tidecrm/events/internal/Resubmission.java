package io.tidecrm.events.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resubmits incomplete event publications to their listeners. What is due is decided here
 * rather than by Spring Modulith's restart resubmission, which takes every incomplete
 * publication, also one that another node is delivering right now. Due are a publication that
 * failed (its listener threw: nobody is working on it), and one that nothing happened to for
 * {@code tidecrm.events.resubmit-after} since it was published or last resubmitted (the node
 * delivering it died, or stopped). The registry marks a publication resubmitted with a
 * conditional update, so two nodes never both resubmit it.
 */
@Service
class Resubmission {

    private static final Logger log = LoggerFactory.getLogger(Resubmission.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventsProperties properties;
    private final Clock clock;

    Resubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed, JdbcClient jdbc,
            TransactionTemplate tx, EventsProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The scheduled sweep (also the first firing at start-up): resubmits every due publication
     * (so a failed delivery is retried every interval), and deletes completed publications past
     * their keep time.
     *
     * @return how many publications were resubmitted
     */
    int sweep() {
        int resubmitted = resubmit(p -> true);
        completed.deletePublicationsOlderThan(properties.keepCompleted());
        if (resubmitted > 0) {
            log.info("Resubmitted {} incomplete event publications", resubmitted);
        }
        return resubmitted;
    }

    /**
     * Resubmits the matching publications that are due (the sweep, or an administrator's retry of
     * one or all): never one that may still be under way. A resubmission that never ended (its
     * node died before the listener ran) is first marked failed, since the registry does not
     * resubmit a publication that it has marked resubmitted.
     *
     * @param which the publications to consider (all, or one by its id)
     * @return how many were resubmitted
     */
    int resubmit(Predicate<EventPublication> which) {
        Instant cutoff = clock.instant().minus(properties.resubmitAfter());
        Set<UUID> due = tx.execute(status -> {
            jdbc.sql("""
                    UPDATE event_publication SET status = 'FAILED'
                    WHERE completion_date IS NULL AND status = 'RESUBMITTED'
                      AND coalesce(last_resubmission_date, publication_date) < :cutoff
                    """)
                    .param("cutoff", Timestamp.from(cutoff))
                    .update();
            return new HashSet<>(jdbc.sql("""
                    SELECT id FROM event_publication
                    WHERE completion_date IS NULL
                      AND (status = 'FAILED' OR coalesce(last_resubmission_date, publication_date) < :cutoff)
                    """)
                    .param("cutoff", Timestamp.from(cutoff))
                    .query(UUID.class)
                    .list());
        });
        if (due.isEmpty()) {
            return 0;
        }
        Set<UUID> resubmitted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        incomplete.resubmitIncompletePublications(p -> {
            boolean take = due.contains(p.getIdentifier()) && which.test(p);
            if (take) {
                resubmitted.add(p.getIdentifier());
            }
            return take;
        });
        return resubmitted.size();
    }
}
