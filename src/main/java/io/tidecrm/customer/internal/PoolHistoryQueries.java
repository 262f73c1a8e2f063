package io.tidecrm.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerPoolHistory;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's answers to the pool module's questions about customers and their owner history. */
@Component
@Transactional(readOnly = true)
class PoolHistoryQueries implements CustomerPoolHistory {

    private final JdbcClient jdbc;

    PoolHistoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("c.id");

    @Override
    public KeysetPage<PooledCustomer> pooled(CustomerType type, String nameQuery, String cursor, int pageSize) {
        Where where = new Where().add("c.owner_id IS NULL").addIf("c.type = :type", "type", type);
        if (nameQuery != null) {
            where.add(where.nameMatch("c.name", nameQuery));
        }
        where.after(NEWEST_FIRST, cursor);
        List<PooledCustomer> rows = jdbc.sql("""
                SELECT c.id, c.name, c.type, c.industry, c.region, c.pooled_at, c.pool_reason,
                       (SELECT h.previous_owner_id FROM customer_owner_history h
                        WHERE h.customer_id = c.id AND h.previous_owner_id IS NOT NULL
                        ORDER BY h.id DESC LIMIT 1) AS last_owner_id
                FROM customer c
                WHERE %s
                ORDER BY %s
                LIMIT %d
                """.formatted(where.sql(), NEWEST_FIRST.orderBy(), pageSize + 1))
                .params(where.params())
                .query((rs, n) -> {
                    Timestamp pooled = rs.getTimestamp("pooled_at");
                    return new PooledCustomer(rs.getLong("id"), rs.getString("name"),
                            CustomerType.valueOf(rs.getString("type")), rs.getString("industry"), rs.getString("region"),
                            pooled == null ? null : pooled.toInstant(), rs.getString("pool_reason"),
                            (Long) rs.getObject("last_owner_id"));
                })
                .list();
        return KeysetPage.of(rows, pageSize, PooledCustomer::id);
    }

    @Override
    public boolean wasOwnedBySince(long customerId, long userId, Instant since) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM customer_owner_history
                               WHERE customer_id = :customer AND previous_owner_id = :user AND changed_at > :since)
                """)
                .param("customer", customerId)
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    @Override
    public long takenFromPoolSince(long userId, OwnerChangeKind kind, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM customer_owner_history
                WHERE new_owner_id = :user AND kind = :kind AND changed_at >= :since
                """)
                .param("user", userId)
                .param("kind", kind.name())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    @Override
    public List<OwnedCustomer> ownedWithClockBetween(CustomerType type, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT c.id, c.name, c.owner_id FROM customer c
                WHERE c.type = :type AND c.owner_id IS NOT NULL AND c.status <> 'WON'
                  AND c.clock_at >= :from AND c.clock_at < :until
                """)
                .param("type", type.name())
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> new OwnedCustomer(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    @Override
    public Map<Long, PoolFlow> poolFlow(Collection<Long> repIds, Instant from, Instant to, Instant now) {
        Map<Long, PoolFlow> flow = new HashMap<>();
        if (repIds.isEmpty()) {
            return flow;
        }
        jdbc.sql("""
                SELECT u.id,
                  (SELECT count(*) FROM customer_owner_history h WHERE h.previous_owner_id = u.id
                     AND h.kind = 'RECLAIMED' AND h.changed_at >= :from AND h.changed_at < :to) AS reclaimed,
                  (SELECT count(*) FROM customer_owner_history h WHERE h.new_owner_id = u.id
                     AND h.kind = 'GRABBED' AND h.changed_at >= :from AND h.changed_at < :to) AS grabbed,
                  (SELECT count(*) FROM customer_owner_history h WHERE h.new_owner_id = u.id
                     AND h.kind = 'GRABBED' AND h.changed_at >= :from AND h.changed_at < :to
                     AND NOT EXISTS (SELECT 1 FROM customer_owner_history later
                                     WHERE later.customer_id = h.customer_id AND later.id > h.id
                                       AND later.changed_at < h.changed_at + interval '30 days')
                     AND h.changed_at + interval '30 days' <= :now) AS kept
                FROM unnest(CAST(:ids AS bigint[])) AS u(id)
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .param("ids", repIds.toArray(new Long[0]))
                .query((rs, n) -> flow.put(rs.getLong(1), new PoolFlow(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return flow;
    }
}
