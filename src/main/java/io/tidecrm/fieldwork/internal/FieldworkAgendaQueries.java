package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.customer.CustomerScope;
import io.tidecrm.fieldwork.FieldworkAgenda;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link FieldworkAgenda}: one statement each, on the owner's indexes, for customers the owner still owns. */
@Component
@Transactional(readOnly = true)
class FieldworkAgendaQueries implements FieldworkAgenda {

    private final JdbcClient jdbc;

    FieldworkAgendaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PlannedVisit> plannedVisits(long ownerId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT v.id, v.customer_id, c.name, v.planned_at, v.place, v.purpose
                FROM visit v %s
                WHERE v.owner_id = :owner AND c.owner_id = :owner AND v.checked_in_at IS NULL
                  AND v.planned_at >= :from AND v.planned_at < :to
                ORDER BY v.planned_at, v.id LIMIT :limit
                """.formatted(CustomerScope.join("c", "v.customer_id")))
                .param("owner", ownerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> new PlannedVisit(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    public List<DueCommitment> openCommitments(long ownerId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                SELECT k.id, k.customer_id, c.name, k.due_date, k.content
                FROM visit_commitment k %s
                WHERE k.owner_id = :owner AND c.owner_id = :owner AND k.done_at IS NULL
                  AND k.due_date >= :from AND k.due_date < :to
                ORDER BY k.due_date, k.id LIMIT :limit
                """.formatted(CustomerScope.join("c", "k.customer_id")))
                .param("owner", ownerId).param("from", from).param("to", to).param("limit", limit)
                .query((rs, n) -> new DueCommitment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }
}
