package io.tidecrm.pool.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.tidecrm.customer.CustomerPoolHistory;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The pool page and the run records, read-only. Pool customers are open to every user. */
@Component
@Transactional(readOnly = true)
public class PoolQueries {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final CustomerPoolHistory history;

    PoolQueries(JdbcClient jdbc, UserManagement users, CustomerPoolHistory history) {
        this.jdbc = jdbc;
        this.users = users;
        this.history = history;
    }

    /** A customer in the pool, with why and when it got there and who had it last. */
    public record PoolRow(long id, String name, CustomerType type, String industry, String region, Instant pooledAt,
            String reason, String lastOwnerName) {

        public boolean reasonIsCode() {
            return reason != null && reason.startsWith("#");
        }

        public String reasonCode() {
            return reasonIsCode() ? reason.substring(1) : null;
        }
    }

    /** A page of the pool, newest first, by type and name, read through the customer module. */
    KeysetPage<PoolRow> list(PoolListQuery query) {
        return history.pooled(query.type(), query.q(), query.cursor(), PAGE_SIZE).map(page -> {
            Map<Long, UserSummary> names = users.findUsers(page.stream().map(CustomerPoolHistory.PooledCustomer::lastOwnerId)
                    .filter(Objects::nonNull).collect(Collectors.toSet()));
            return page.stream().map(c -> new PoolRow(c.id(), c.name(), c.type(), c.industry(), c.region(),
                    c.pooledAt(), c.reason(), c.lastOwnerId() == null || !names.containsKey(c.lastOwnerId()) ? null
                            : names.get(c.lastOwnerId()).displayName()))
                    .toList();
        });
    }

    /** One recorded run of a nightly job. */
    public record Run(long id, String job, Instant scheduledAt, Instant startedAt, Instant finishedAt, String status,
            int affected, int owners, int batches, boolean manual, String node, String message) {
    }

    List<Run> recentRuns(int limit) {
        return jdbc.sql("SELECT * FROM pool_job_run ORDER BY started_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("job"),
                        rs.getTimestamp("scheduled_at").toInstant(), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("status"), rs.getInt("affected"), rs.getInt("owners"), rs.getInt("batches"),
                        rs.getBoolean("manual"), rs.getString("node"), rs.getString("message")))
                .list();
    }

    /** Per rep over a period: reclaimed from them, grabbed by them, and of those grabs still kept 30 days on. */
    public record Flow(String repName, long reclaimedFrom, long grabbed, long keptAfter30Days) {
    }

    List<Flow> flow(java.util.Collection<Long> repIds, Instant from, Instant to, Instant now) {
        if (repIds.isEmpty()) {
            return List.of();
        }
        Map<Long, UserSummary> names = users.findUsers(repIds);
        Map<Long, CustomerPoolHistory.PoolFlow> flow = history.poolFlow(repIds, from, to, now);
        return repIds.stream().distinct().map(id -> {
            CustomerPoolHistory.PoolFlow f = flow.getOrDefault(id, new CustomerPoolHistory.PoolFlow(0, 0, 0));
            return new Flow(names.containsKey(id) ? names.get(id).displayName() : "?", f.reclaimedFrom(), f.grabbed(),
                    f.keptAfter30Days());
        }).toList();
    }
}
