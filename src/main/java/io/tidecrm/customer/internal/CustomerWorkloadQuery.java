package io.tidecrm.customer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.customer.CustomerWorkload;
import io.tidecrm.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The home pages' counts, with the same conditions as the customer list's due and idle filters. */
@Component
class CustomerWorkloadQuery implements CustomerWorkload {

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Clock clock;

    CustomerWorkloadQuery(JdbcClient jdbc, Visibility visibility, Clock clock) {
        this.jdbc = jdbc;
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
        return sql.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6))).single();
    }
}
