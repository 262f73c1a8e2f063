package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.fieldwork.VisitCheckedIn;
import io.tidecrm.fieldwork.VisitFactReplay;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class VisitFactHistory implements VisitFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    VisitFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<VisitCheckedIn> checkedIn(LocalDate from, LocalDate to) {
        record Row(long id, long ownerId, long customerId, Instant at, String flag) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, owner_id, customer_id, checked_in_at, check_in_flag FROM visit
                WHERE checked_in_at >= :from AND checked_in_at < :to ORDER BY checked_in_at, id
                """)
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
        Map<Long, UserSummary> owners = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream().map(r -> new VisitCheckedIn(r.id(), r.ownerId(),
                owners.containsKey(r.ownerId()) ? owners.get(r.ownerId()).teamId() : null, r.customerId(), r.at(),
                LocalDate.ofInstant(r.at(), clock.getZone()), CheckInFlag.valueOf(r.flag()).flagged())).toList();
    }
}
