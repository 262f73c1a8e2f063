package io.tidecrm.fieldwork.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.followup.FollowUpRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The figures of a day's summary: visits checked in (this module's own rows), and the follow-ups
 * written and the new customers obtained, kept from the other modules' facts (after commit,
 * idempotent: a redelivered fact adds nothing). The leaderboard ledger will be the source once it
 * exists (report module).
 */
@Component
class DayFacts {

    /** The figures of a user over days. */
    public record Figures(int followUps, int visits, int newCustomers) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DayFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FollowUpRecorded fact) {
        if (!fact.correction()) {
            add("FOLLOW_UP", fact.followUpId(), fact.authorId(), fact.businessDate());
        }
    }

    @ApplicationModuleListener
    void on(CustomerObtained fact) {
        if (fact.kind() == OwnerChangeKind.CREATED || fact.kind() == OwnerChangeKind.IMPORTED
                || fact.kind() == OwnerChangeKind.CONVERTED) {
            add("NEW_CUSTOMER", fact.customerId(), fact.ownerId(), fact.businessDate());
        }
    }

    void add(String source, long sourceId, long userId, LocalDate day) {
        jdbc.sql("""
                INSERT INTO work_day_fact (source, source_id, user_id, business_date) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(source, sourceId, userId, day).update();
    }

    /** The user's figures from {@code from} to {@code until} (inclusive), in two statements. */
    Figures of(long userId, LocalDate from, LocalDate until) {
        record Count(String source, int count) {
        }
        var counts = jdbc.sql("""
                SELECT source, count(*) FROM work_day_fact
                WHERE user_id = :user AND business_date BETWEEN :from AND :until GROUP BY source
                """)
                .param("user", userId).param("from", from).param("until", until)
                .query((rs, n) -> new Count(rs.getString(1), rs.getInt(2))).list();
        int visits = jdbc.sql("""
                SELECT count(*) FROM visit
                WHERE owner_id = :user AND checked_in_at >= :from AND checked_in_at < :until
                """)
                .param("user", userId)
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("until", Timestamp.from(until.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query(Integer.class).single();
        int followUps = counts.stream().filter(c -> c.source().equals("FOLLOW_UP")).mapToInt(Count::count).sum();
        int customers = counts.stream().filter(c -> c.source().equals("NEW_CUSTOMER")).mapToInt(Count::count).sum();
        return new Figures(followUps, visits, customers);
    }
}
