package io.tidecrm.sales.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.sales.OpportunityCreated;
import io.tidecrm.sales.OpportunityFactReplay;
import io.tidecrm.sales.OpportunityWon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class OpportunityFactHistory implements OpportunityFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    OpportunityFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    private record Row(long id, long customerId, String title, long ownerId, String stage, BigDecimal amount,
            Instant at) {
    }

    @Override
    public List<OpportunityCreated> created(LocalDate from, LocalDate to) {
        List<Row> rows = rows("created_at", "TRUE", from, to);
        Map<Long, UserSummary> owners = owners(rows);
        return rows.stream().map(r -> new OpportunityCreated(r.id(), r.customerId(), r.title(), r.ownerId(),
                teamOf(owners, r.ownerId()), r.stage(), r.amount(), r.at(), LocalDate.ofInstant(r.at(),
                        clock.getZone()))).toList();
    }

    @Override
    public List<OpportunityWon> won(LocalDate from, LocalDate to) {
        List<Row> rows = rows("closed_at", "stage = 'WON'", from, to);
        Map<Long, UserSummary> owners = owners(rows);
        return rows.stream().map(r -> new OpportunityWon(r.id(), r.customerId(), r.title(), r.ownerId(),
                teamOf(owners, r.ownerId()), r.amount(), r.at(), LocalDate.ofInstant(r.at(), clock.getZone())))
                .toList();
    }

    private List<Row> rows(String timeColumn, String condition, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id, customer_id, title, owner_id, stage, amount, " + timeColumn
                + " FROM opportunity WHERE " + condition + " AND " + timeColumn + " >= :from AND " + timeColumn
                + " < :to ORDER BY " + timeColumn + ", id")
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    private Map<Long, UserSummary> owners(List<Row> rows) {
        return users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
    }

    private static Long teamOf(Map<Long, UserSummary> owners, long ownerId) {
        UserSummary owner = owners.get(ownerId);
        return owner == null ? null : owner.teamId();
    }
}
