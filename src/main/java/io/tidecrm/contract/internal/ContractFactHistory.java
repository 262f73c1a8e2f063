package io.tidecrm.contract.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.ContractFactReplay;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerScope;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ContractFactHistory implements ContractFactReplay {

    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    ContractFactHistory(JdbcClient jdbc, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<ContractApproved> approved(LocalDate from, LocalDate to) {
        record Row(long contractId, String title, long customerId, String customerName, long ownerId, Long submitterId,
                long approverId, BigDecimal amount, String comment, Instant at) {
        }
        List<Row> rows = jdbc.sql("SELECT k.id, k.title, k.customer_id, c.name, k.owner_id, k.submitted_by_id,"
                + " d.decided_by_id, k.total, d.comment, d.decided_at"
                + " FROM contract_decision d JOIN contract k ON k.id = d.contract_id "
                + CustomerScope.join("c", "k.customer_id")
                + " WHERE d.decision = 'APPROVED' AND d.decided_at >= :from AND d.decided_at < :to"
                + " ORDER BY d.decided_at, d.id")
                .params(range(from, to))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), (Long) rs.getObject(6), rs.getLong(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
        Map<Long, UserSummary> owners = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream().map(r -> new ContractApproved(r.contractId(), r.title(), r.customerId(), r.customerName(),
                r.ownerId(), teamOf(owners, r.ownerId()), r.submitterId() == null ? r.ownerId() : r.submitterId(),
                r.approverId(), r.amount(), r.comment(), r.at(), LocalDate.ofInstant(r.at(), clock.getZone())))
                .toList();
    }

    @Override
    public List<PaymentRecorded> payments(LocalDate from, LocalDate to) {
        record Row(long paymentId, long contractId, long customerId, long ownerId, BigDecimal amount, LocalDate paidOn,
                Long instalmentId, long recordedById, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.contract_id, k.customer_id, k.owner_id, p.amount, p.paid_on, p.instalment_id,
                       p.recorded_by_id, p.recorded_at
                FROM contract_payment p JOIN contract k ON k.id = p.contract_id
                WHERE p.recorded_at >= :from AND p.recorded_at < :to
                ORDER BY p.recorded_at, p.id
                """)
                .params(range(from, to))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), (Long) rs.getObject(7), rs.getLong(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
        Map<Long, UserSummary> owners = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        return rows.stream().map(r -> new PaymentRecorded(r.paymentId(), r.contractId(), r.customerId(), r.ownerId(),
                teamOf(owners, r.ownerId()), r.amount(), r.paidOn(), r.instalmentId(), r.recordedById(), r.at(),
                LocalDate.ofInstant(r.at(), clock.getZone()))).toList();
    }

    private Map<String, Object> range(LocalDate from, LocalDate to) {
        return Map.of("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
                "to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
    }

    private static Long teamOf(Map<Long, UserSummary> owners, long ownerId) {
        UserSummary owner = owners.get(ownerId);
        return owner == null ? null : owner.teamId();
    }
}
