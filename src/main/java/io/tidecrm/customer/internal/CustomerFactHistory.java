package io.tidecrm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.customer.CustomerFactReplay;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class CustomerFactHistory implements CustomerFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    CustomerFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<CustomerObtained> obtained(LocalDate from, LocalDate to) {
        record Row(long customerId, String name, String type, long ownerId, Long previousOwnerId, String kind,
                Long byUserId, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT h.customer_id, c.name, c.type, h.new_owner_id, h.previous_owner_id, h.kind, h.changed_by_id,
                       h.changed_at
                FROM customer_owner_history h JOIN customer c ON c.id = h.customer_id
                WHERE h.kind IN ('CREATED', 'IMPORTED', 'CONVERTED', 'GRABBED') AND h.new_owner_id IS NOT NULL
                  AND h.changed_at >= :from AND h.changed_at < :to
                ORDER BY h.changed_at, h.id
                """)
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        (Long) rs.getObject(5), rs.getString(6), (Long) rs.getObject(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
        Map<Long, UserSummary> owners = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream().map(r -> new CustomerObtained(r.customerId(), r.name(), CustomerType.valueOf(r.type()),
                r.ownerId(), owners.containsKey(r.ownerId()) ? owners.get(r.ownerId()).teamId() : null,
                r.previousOwnerId(), OwnerChangeKind.valueOf(r.kind()), r.byUserId(), r.at(),
                LocalDate.ofInstant(r.at(), clock.getZone()))).toList();
    }
}
