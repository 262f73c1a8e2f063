package io.tidecrm.fieldwork.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.fieldwork.DayFigureSource;
import io.tidecrm.fieldwork.DayFigures;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.customer.CustomerImportUndone;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.CustomersImported;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.followup.FollowUpRecorded;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The figures of a day's summary: visits checked in (this module's own rows), and the follow-ups
 * written, the new customers obtained, the contracts approved and the payments received (with
 * their amounts, credited to the contract's owner on the fact's business date), kept from the
 * other modules' facts (after commit, idempotent: a redelivered fact adds nothing). The contract
 * tables are never read. When the report module is present its leaderboard ledger is the source
 * instead, through the port {@link DayFigureSource} that it implements (report depends on this
 * module, so this module may not call it directly).
 */
@Component
class DayFacts {

    private final JdbcClient jdbc;
    private final ObjectProvider<DayFigureSource> ledger;
    private final Clock clock;

    DayFacts(JdbcClient jdbc, ObjectProvider<DayFigureSource> ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FollowUpRecorded fact) {
        keep(fact);
    }

    @ApplicationModuleListener
    void on(CustomerObtained fact) {
        keep(fact);
    }

    @ApplicationModuleListener
    void on(CustomersImported imported) {
        // As keep(CustomerObtained) for each, in one statement.
        List<CustomerObtained> obtained = imported.obtained();
        if (!obtained.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO work_day_fact (source, source_id, user_id, business_date)
                    SELECT 'NEW_CUSTOMER', f.customer_id, f.user_id, :day FROM unnest(:customers, :users) AS f (customer_id, user_id)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("customers", obtained.stream().map(CustomerObtained::customerId).toArray(Long[]::new))
                    .param("users", obtained.stream().map(CustomerObtained::ownerId).toArray(Long[]::new))
                    .param("day", imported.businessDate())
                    .update();
        }
    }

    /** The customers of an undone import were never obtained: their facts go. */
    @ApplicationModuleListener
    void on(CustomerImportUndone undone) {
        if (!undone.removedCustomerIds().isEmpty()) {
            jdbc.sql("DELETE FROM work_day_fact WHERE source = 'NEW_CUSTOMER' AND source_id = ANY(:ids)")
                    .param("ids", undone.removedCustomerIds().toArray(Long[]::new)).update();
        }
    }

    @ApplicationModuleListener
    void on(ContractApproved fact) {
        keep(fact);
    }

    @ApplicationModuleListener
    void on(PaymentRecorded fact) {
        keep(fact);
    }

    /* The facts kept, in the caller's transaction (the listeners above, the demo data's replay). */

    void keep(FollowUpRecorded fact) {
        if (!fact.correction()) {
            add("FOLLOW_UP", fact.followUpId(), fact.authorId(), fact.businessDate());
        }
    }

    void keep(CustomerObtained fact) {
        if (fact.kind() == OwnerChangeKind.CREATED || fact.kind() == OwnerChangeKind.IMPORTED
                || fact.kind() == OwnerChangeKind.CONVERTED) {
            add("NEW_CUSTOMER", fact.customerId(), fact.ownerId(), fact.businessDate());
        }
    }

    void keep(ContractApproved fact) {
        add("CONTRACT", fact.contractId(), fact.ownerId(), fact.businessDate(), fact.amount());
    }

    void keep(PaymentRecorded fact) {
        add("PAYMENT", fact.paymentId(), fact.ownerId(), fact.businessDate(), fact.amount());
    }

    void add(String source, long sourceId, long userId, LocalDate day) {
        add(source, sourceId, userId, day, null);
    }

    void add(String source, long sourceId, long userId, LocalDate day, BigDecimal amount) {
        jdbc.sql("""
                INSERT INTO work_day_fact (source, source_id, user_id, business_date, amount) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(source, sourceId, userId, day, amount).update();
    }

    /**
     * The user's figures from {@code from} to {@code until} (inclusive): the leaderboard ledger's
     * when the report module is there ({@link DayFigureSource}), otherwise this module's own.
     */
    DayFigures of(long userId, LocalDate from, LocalDate until) {
        DayFigureSource source = ledger.getIfUnique();
        return source != null ? source.figures(userId, from, until) : own(userId, from, until);
    }

    /** The figures from this module's own facts, in two statements. */
    DayFigures own(long userId, LocalDate from, LocalDate until) {
        record Count(String source, int count, BigDecimal amount) {
        }
        var counts = jdbc.sql("""
                SELECT source, count(*), coalesce(sum(amount), 0) FROM work_day_fact
                WHERE user_id = :user AND business_date BETWEEN :from AND :until GROUP BY source
                """)
                .param("user", userId).param("from", from).param("until", until)
                .query((rs, n) -> new Count(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3))).list();
        int visits = jdbc.sql("""
                SELECT count(*) FROM visit
                WHERE owner_id = :user AND checked_in_at >= :from AND checked_in_at < :until
                """)
                .param("user", userId)
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("until", Timestamp.from(until.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query(Integer.class).single();
        java.util.function.Function<String, Count> of = source -> counts.stream()
                .filter(c -> c.source().equals(source)).findFirst().orElse(new Count(source, 0, BigDecimal.ZERO));
        return new DayFigures(of.apply("FOLLOW_UP").count(), visits, of.apply("NEW_CUSTOMER").count(),
                of.apply("CONTRACT").count(), of.apply("CONTRACT").amount(), of.apply("PAYMENT").count(),
                of.apply("PAYMENT").amount());
    }
}
