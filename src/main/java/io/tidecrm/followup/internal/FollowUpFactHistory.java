package io.tidecrm.followup.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.customer.CustomerScope;
import io.tidecrm.followup.FollowUpFactReplay;
import io.tidecrm.followup.FollowUpRecorded;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class FollowUpFactHistory implements FollowUpFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    FollowUpFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<FollowUpRecorded> recorded(LocalDate from, LocalDate to) {
        record Row(long id, long customerId, String customerName, long authorId, String kind, Instant occurredAt,
                Instant recordedAt, boolean correction) {
        }
        List<Row> rows = jdbc.sql("SELECT f.id, f.customer_id, c.name, f.author_id, f.kind, f.occurred_at,"
                + " f.recorded_at, f.corrects_id IS NOT NULL FROM follow_up f " + CustomerScope.join("c", "f.customer_id")
                + " WHERE f.recorded_at >= :from AND f.recorded_at < :to ORDER BY f.recorded_at, f.id")
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8)))
                .list();
        Map<Long, UserSummary> authors = users.findUsers(rows.stream().map(Row::authorId).distinct().toList());
        return rows.stream().map(r -> {
            UserSummary author = authors.get(r.authorId());
            return new FollowUpRecorded(r.id(), r.customerId(), r.customerName(), r.authorId(),
                    author == null ? "" : author.displayName(), author == null ? null : author.teamId(), r.kind(),
                    Set.of(), r.occurredAt(), LocalDate.ofInstant(r.recordedAt(), clock.getZone()), "",
                    r.correction());
        }).toList();
    }
}
