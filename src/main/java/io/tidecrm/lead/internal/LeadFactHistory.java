package io.tidecrm.lead.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadConverted;
import io.tidecrm.lead.LeadFactReplay;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class LeadFactHistory implements LeadFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    LeadFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<LeadConverted> converted(LocalDate from, LocalDate to) {
        Where where = new Where().add("l.status = 'CONVERTED'").add("l.customer_id IS NOT NULL")
                .onBusinessDays("l.converted_at", from, to, clock.getZone());
        record Row(long id, long customerId, String company, long ownerId, String source, Long ruleId,
                java.time.Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT l.id, l.customer_id, l.company_name, l.owner_id, l.source, l.rule_id, l.converted_at
                FROM sales_lead l WHERE %s ORDER BY l.converted_at, l.id
                """.formatted(where.sql()))
                .params(where.params())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getTimestamp(7).toInstant()))
                .list();
        Map<Long, UserSummary> owners = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream().map(r -> {
            UserSummary owner = owners.get(r.ownerId());
            return new LeadConverted(r.id(), r.customerId(), r.company(), false, r.ownerId(),
                    owner == null ? null : owner.teamId(), r.source(), r.ruleId(), r.ownerId(), r.at(),
                    LocalDate.ofInstant(r.at(), clock.getZone()));
        }).toList();
    }
}
