package io.tidecrm.lead.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.lead.LeadStatistics;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class LeadFigures implements LeadStatistics {

    private final LeadAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadFigures(LeadAccess access, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SourceRow> bySource(CurrentUser viewer, LocalDate from, LocalDate to) {
        Where where = access.where(viewer).onBusinessDays("l.created_at", from, to, clock.getZone());
        Map<String, SourceRow> counted = jdbc.sql("""
                SELECT l.source, count(*), count(*) FILTER (WHERE l.status = 'CONVERTED'),
                       count(*) FILTER (WHERE l.status = 'INVALID')
                FROM sales_lead l
                WHERE %s
                GROUP BY l.source
                """.formatted(where.sql()))
                .params(where.params())
                .query((rs, n) -> new SourceRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list().stream()
                .collect(Collectors.toMap(SourceRow::source, Function.identity()));
        return Arrays.stream(LeadSource.values())
                .map(s -> counted.getOrDefault(s.name(), new SourceRow(s.name(), 0, 0, 0)))
                .toList();
    }
}
