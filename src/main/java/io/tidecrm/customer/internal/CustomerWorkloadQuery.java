package io.tidecrm.customer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.CustomerWorkload;
import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import io.tidecrm.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The home pages' counts, with the same conditions as the customer list's due and idle filters. */
@Component
class CustomerWorkloadQuery implements CustomerWorkload {

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Clock clock;

    private final ObjectProvider<PoolDeadlines> deadlines;

    CustomerWorkloadQuery(JdbcClient jdbc, Visibility visibility, Clock clock, ObjectProvider<PoolDeadlines> deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.visibility = visibility;
        this.clock = clock;
    }

    @Override
    public Counts counts(CurrentUser viewer) {
        Scope scope = visibility.scopeOf(viewer);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        var sql = jdbc.sql("""
                SELECT count(*) FILTER (WHERE c.next_follow_up_at >= :dayStart AND c.next_follow_up_at < :dayEnd),
                       count(*) FILTER (WHERE c.next_follow_up_at < :now),
                       count(*) FILTER (WHERE c.status <> 'WON' AND c.clock_at < :idle7),
                       count(*) FILTER (WHERE c.status <> 'WON' AND c.clock_at < :idle15),
                       count(*) FILTER (WHERE c.status <> 'WON' AND c.clock_at < :idle30),
                       count(*) FILTER (WHERE c.status <> 'WON' AND c.clock_at < :idle90)
                FROM customer c
                WHERE c.owner_id IS NOT NULL AND %s
                """.formatted(scope.condition("c")))
                .param("dayStart", Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant()))
                .param("dayEnd", Timestamp.from(today.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .param("now", Timestamp.from(now))
                .param("idle7", Timestamp.from(now.minus(Duration.ofDays(7))))
                .param("idle15", Timestamp.from(now.minus(Duration.ofDays(15))))
                .param("idle30", Timestamp.from(now.minus(Duration.ofDays(30))))
                .param("idle90", Timestamp.from(now.minus(Duration.ofDays(90))));
        if (!scope.all()) {
            sql = sql.param("scopeOwners", scope.ownerIds());
        }
        Long nearPool = viewer.role() == Role.REP ? nearPool(viewer, now) : null;
        return sql.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), nearPool)).single();
    }

    /**
     * A rep's customers within the warning lead of their pool deadline, computed with the pool's own
     * rules (the deadline the list shows and the jobs use) over the rep's owned customers, whose
     * number the ownership caps keep small.
     */
    private long nearPool(CurrentUser rep, Instant now) {
        PoolDeadlines provider = deadlines.getIfAvailable();
        if (provider == null) {
            return 0;
        }
        PoolDeadlines.Calculator calculator = provider.calculator();
        return jdbc.sql("SELECT type, status, clock_at FROM customer WHERE owner_id = ? AND status <> 'WON'")
                .param(rep.id())
                .query((rs, n) -> {
                    CustomerType type = known(CustomerType.class, rs.getString(1));
                    CustomerStatus status = known(CustomerStatus.class, rs.getString(2));
                    // A code the application does not know (written by an older or newer version) is
                    // left out rather than breaking the home page.
                    return type == null || status == null ? null
                            : calculator.deadline(type, status, rep.id(), rs.getTimestamp(3).toInstant());
                })
                .list().stream()
                .filter(deadline -> deadline != null && !deadline.minus(calculator.warningLead()).isAfter(now))
                .count();
    }

    private static <E extends Enum<E>> E known(Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
