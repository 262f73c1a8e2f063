package io.tidecrm.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service report over the tickets the viewer may see, recorded in the last {@code days} days:
 * tickets by kind and category, the on-time rate of first responses and resolutions (of those
 * given, or due and not given), and the average satisfaction per owner and per team.
 */
@Component
@Transactional(readOnly = true)
public class ServiceReport {

    static final List<Integer> PERIODS = List.of(30, 90, 365);

    private final TicketAccess access;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    ServiceReport(TicketAccess access, JdbcClient jdbc, UserManagement users, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    public record Count(TicketKind kind, TicketCategory category, long tickets) {
    }

    /** On time of all that count; the rate is null when none counts yet. */
    public record Rate(long onTime, long total) {

        public BigDecimal percent() {
            return total == 0 ? null
                    : BigDecimal.valueOf(onTime * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        }
    }

    public record Satisfaction(String name, long closed, BigDecimal average) {
    }

    public record Report(int days, LocalDate from, List<Count> counts, Rate firstResponse, Rate resolution,
            List<Satisfaction> byOwner, List<Satisfaction> byTeam) {
    }

    Report report(int days, CurrentUser viewer) {
        int period = PERIODS.contains(days) ? days : PERIODS.get(0);
        LocalDate from = LocalDate.now(clock).minusDays(period);
        Instant now = clock.instant();
        Where where = access.where(viewer).add("t.created_at >= :from", "from",
                Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()));
        String base = " FROM service_ticket t " + TicketAccess.CUSTOMERS + " WHERE " + where.sql();
        List<Count> counts = jdbc.sql("SELECT t.kind, t.category, count(*) AS n" + base
                        + " GROUP BY t.kind, t.category ORDER BY t.kind, n DESC, t.category")
                .params(where.params())
                .query((rs, n) -> new Count(TicketKind.valueOf(rs.getString(1)), TicketCategory.valueOf(rs.getString(2)),
                        rs.getLong(3)))
                .list();
        Rate[] rates = jdbc.sql("""
                SELECT count(*) FILTER (WHERE t.first_responded_at IS NOT NULL AND t.first_responded_at <= t.first_response_due),
                       count(*) FILTER (WHERE t.first_responded_at IS NOT NULL OR t.first_response_due < :now),
                       count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND t.resolved_at <= t.resolution_due),
                       count(*) FILTER (WHERE t.resolved_at IS NOT NULL OR t.resolution_due < :now)
                """ + base)
                .params(where.params())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Rate[] { new Rate(rs.getLong(1), rs.getLong(2)), new Rate(rs.getLong(3), rs.getLong(4)) })
                .single();
        record Owner(long ownerId, long closed, long sum) {
        }
        List<Owner> owners = jdbc.sql("SELECT t.owner_id, count(*), sum(t.satisfaction)" + base
                        + " AND t.satisfaction IS NOT NULL GROUP BY t.owner_id")
                .params(where.params())
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
        Map<Long, UserSummary> names = users.findUsers(owners.stream().map(Owner::ownerId).toList());
        List<Satisfaction> byOwner = new ArrayList<>();
        Map<String, long[]> teams = new LinkedHashMap<>();
        for (Owner o : owners) {
            UserSummary u = names.get(o.ownerId());
            byOwner.add(new Satisfaction(u == null ? "?" : u.displayName(), o.closed(), average(o.sum(), o.closed())));
            String team = u == null || u.teamName() == null ? "—" : u.teamName();
            long[] t = teams.computeIfAbsent(team, k -> new long[2]);
            t[0] += o.closed();
            t[1] += o.sum();
        }
        byOwner.sort(Comparator.comparing(Satisfaction::average).reversed().thenComparing(Satisfaction::name));
        List<Satisfaction> byTeam = new ArrayList<>();
        teams.forEach((team, t) -> byTeam.add(new Satisfaction(team, t[0], average(t[1], t[0]))));
        byTeam.sort(Comparator.comparing(Satisfaction::name));
        return new Report(period, from, counts, rates[0], rates[1], byOwner, byTeam);
    }

    private static BigDecimal average(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
