package io.tidecrm.events.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the last error of each failed publication, which the registry does not store: the row
 * of the publication is found by its listener and its serialized event, the way the registry
 * itself finds it to complete it.
 */
@Component
class ListenerFailures {

    static final int MAX_ERROR = 4000;

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    private final JdbcClient jdbc;
    private final EventSerializer serializer;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ListenerFailures(JdbcClient jdbc, EventSerializer serializer, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records why the listener failed on this event. Never throws: the listener's own failure is
     * what the registry must see.
     */
    void record(String listenerId, Object event, Throwable failure) {
        try {
            String error = describe(failure);
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO event_failure (publication_id, failed_at, error)
                    SELECT id, :now, :error FROM event_publication
                    WHERE listener_id = :listener AND serialized_event = :event AND completion_date IS NULL
                    ON CONFLICT (publication_id) DO UPDATE SET failed_at = EXCLUDED.failed_at, error = EXCLUDED.error
                    """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("error", error)
                    .param("listener", listenerId)
                    .param("event", serializer.serialize(event).toString())
                    .update());
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of listener {}: {}", listenerId, e.toString());
        }
    }

    /** The exception and, when it differs, its root cause: what an administrator needs to see. */
    static String describe(Throwable failure) {
        String text = failure.toString();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        if (root != failure) {
            text += " ← " + root;
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
