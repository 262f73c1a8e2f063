package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.service.WorkingCalendar;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead reports over the leads the viewer may see that were assigned in a period: the response
 * time from assignment to confirmation (in working minutes, per rep), and the conversion rate by
 * source, by rule and by rep.
 */
@Component
@Transactional(readOnly = true)
class LeadReport {

    static final List<Integer> PERIODS = List.of(30, 90, 365);

    /** @param key a source name, a rule's name or a rep's name */
    record Rate(String key, long leads, long converted) {

        public int percent() {
            return leads == 0 ? 0 : (int) Math.round(100.0 * converted / leads);
        }
    }

    /** @param averageMinutes working minutes from assignment to confirmation, on average */
    record Response(String rep, long confirmed, long averageMinutes, long missed) {
    }

    record Report(List<Response> responses, List<Rate> bySource, List<Rate> byRule, List<Rate> byRep) {
    }

    private final LeadAccess access;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final WorkingCalendar calendar;
    private final Clock clock;

    LeadReport(LeadAccess access, JdbcClient jdbc, UserManagement users, WorkingCalendar calendar, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.users = users;
        this.calendar = calendar;
        this.clock = clock;
    }

    Report report(int days, CurrentUser viewer) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        Where where = access.where(viewer).add("l.assigned_at >= :since", "since", Timestamp.from(since));
        record Row(long ownerId, String source, String rule, Instant assigned, Instant confirmed, boolean missed,
                boolean converted) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT l.owner_id, l.source, r.name AS rule, l.assigned_at, l.confirmed_at,
                       EXISTS (SELECT 1 FROM lead_event e WHERE e.lead_id = l.id AND e.kind = 'MISSED') AS missed,
                       l.status = 'CONVERTED' AS converted
                FROM sales_lead l LEFT JOIN lead_rule r ON r.id = l.rule_id
                WHERE l.owner_id IS NOT NULL AND %s
                """.formatted(where.sql()))
                .params(where.params())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        Lead.instant(rs, "confirmed_at"), rs.getBoolean(6), rs.getBoolean(7)))
                .list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(Row::ownerId).distinct().toList());
        Map<String, long[]> response = new java.util.TreeMap<>();
        Map<String, long[]> bySource = new java.util.LinkedHashMap<>();
        Map<String, long[]> byRule = new java.util.TreeMap<>();
        Map<String, long[]> byRep = new java.util.TreeMap<>();
        for (LeadSource s : LeadSource.values()) {
            bySource.put(s.name(), new long[2]);
        }
        for (Row r : rows) {
            String rep = LeadQueries.name(names, r.ownerId());
            long[] resp = response.computeIfAbsent(rep, k -> new long[3]);
            if (r.confirmed() != null) {
                resp[0]++;
                resp[1] += Math.max(0, calendar.workingTimeBetween(r.assigned(), r.confirmed()).toMinutes());
            }
            if (r.missed()) {
                resp[2]++;
            }
            count(bySource.get(r.source()), r.converted());
            count(byRule.computeIfAbsent(r.rule() == null ? "" : r.rule(), k -> new long[2]), r.converted());
            count(byRep.computeIfAbsent(rep, k -> new long[2]), r.converted());
        }
        List<Response> responses = new ArrayList<>();
        response.forEach((rep, v) -> responses.add(new Response(rep, v[0], v[0] == 0 ? 0 : v[1] / v[0], v[2])));
        return new Report(responses, rates(bySource), rates(byRule), rates(byRep));
    }

    private static void count(long[] counts, boolean converted) {
        counts[0]++;
        if (converted) {
            counts[1]++;
        }
    }

    private static List<Rate> rates(Map<String, long[]> counts) {
        List<Rate> rates = new ArrayList<>();
        counts.forEach((k, v) -> rates.add(new Rate(k, v[0], v[1])));
        return rates;
    }

}
