package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Choice;
import io.tidecrm.support.KeysetOrder;
import io.tidecrm.support.KeysetPage;
import io.tidecrm.support.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reads of leads — the lists and the lead page — each kept inside the viewer's scope in SQL ({@link LeadAccess}). */
@Component
@Transactional(readOnly = true)
class LeadQueries {

    static final int PAGE_SIZE = 20;
    private static final KeysetOrder NEWEST_FIRST = KeysetOrder.newestFirst("l.id");

    /** One entry of a lead's history or follow-ups, with names. */
    record Entry(String kind, String actorName, String ownerName, Instant at, String body, boolean followUp) {
    }

    record Details(Lead lead, String ownerName, String ruleName, boolean mayWork, boolean mayManage, boolean late,
            List<Entry> history, List<Entry> followUps, List<LeadDuplicates.Match> duplicates) {
    }

    private final LeadAccess access;
    private final LeadDuplicates duplicates;
    private final JdbcClient jdbc;
    private final UserManagement users;
    private final Clock clock;

    LeadQueries(LeadAccess access, LeadDuplicates duplicates, JdbcClient jdbc, UserManagement users, Clock clock) {
        this.access = access;
        this.duplicates = duplicates;
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    KeysetPage<LeadRow> list(LeadListQuery query, CurrentUser viewer) {
        Where where = switch (query.viewOrDefault()) {
            case MINE -> new Where("l.owner_id = :me", Map.of("me", viewer.id()));
            case ALL -> access.where(viewer);
            case POOL -> new Where("l.status = 'NEW'", Map.of());
            case REVIEW -> access.where(viewer).add("l.status = 'INVALID'");
        };
        where.addIf("l.status = :status", "status", query.status() == null ? null : query.status().name())
                .addIf("l.source = :source", "source", query.source() == null ? null : query.source().name())
                .addIf("l.owner_id = :owner", "owner", query.owner())
                .addIf("(strpos(lower(l.company_name), lower(:q)) > 0 OR strpos(lower(l.contact_name), lower(:q)) > 0)",
                        "q", query.q())
                .after(NEWEST_FIRST, query.cursor());
        List<LeadRow> rows = jdbc.sql("""
                SELECT l.id, l.company_name, l.contact_name, l.region, l.industry, l.source, l.status, l.owner_id,
                       l.created_at, l.confirm_due, l.returned_at,
                       (l.status = 'ASSIGNED' AND l.confirm_due < :now) AS late
                FROM sales_lead l WHERE %s ORDER BY %s LIMIT %d
                """.formatted(where.sql(), NEWEST_FIRST.orderBy(), PAGE_SIZE + 1))
                .params(where.params())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new LeadRow(rs.getLong("id"), rs.getString("company_name"), rs.getString("contact_name"),
                        rs.getString("region"), rs.getString("industry"), LeadSource.valueOf(rs.getString("source")),
                        LeadStatus.valueOf(rs.getString("status")), (Long) rs.getObject("owner_id"), null,
                        Lead.instant(rs, "created_at"), Lead.instant(rs, "confirm_due"), rs.getBoolean("late"),
                        rs.getTimestamp("returned_at") != null))
                .list();
        Map<Long, UserSummary> names = users.findUsers(rows.stream().map(LeadRow::ownerId).filter(Objects::nonNull)
                .distinct().toList());
        return KeysetPage.of(rows.stream().map(r -> r.withOwnerName(name(names, r.ownerId()))).toList(), PAGE_SIZE,
                LeadRow::id);
    }

    List<Choice> ownerChoices(CurrentUser viewer) {
        return viewer.role() == Role.REP ? null
                : Choice.of(users.ownersVisibleTo(viewer), UserSummary::id, UserSummary::displayName);
    }

    Details details(long id, CurrentUser viewer) {
        Lead lead = access.loadReadable(id, viewer);
        record Raw(String kind, Long actor, Long owner, Instant at, String body, boolean followUp) {
        }
        List<Raw> history = jdbc.sql("""
                SELECT kind, actor_id, owner_id, at, body, false AS f FROM lead_event WHERE lead_id = :id
                UNION ALL
                SELECT kind, author_id, NULL, occurred_at, content, true FROM lead_follow_up WHERE lead_id = :id
                ORDER BY 4 DESC
                """)
                .param("id", id)
                .query((rs, n) -> new Raw(rs.getString(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getBoolean(6)))
                .list();
        Set<Long> ids = new HashSet<>();
        history.forEach(h -> {
            ids.add(h.actor());
            ids.add(h.owner());
        });
        ids.add(lead.ownerId());
        ids.remove(null);
        Map<Long, UserSummary> names = users.findUsers(ids);
        List<Entry> entries = history.stream().map(h -> new Entry(h.kind(), name(names, h.actor()),
                name(names, h.owner()), h.at(), h.body(), h.followUp())).toList();
        String ruleName = lead.ruleId() == null ? null : jdbc.sql("SELECT name FROM lead_rule WHERE id = ?")
                .param(lead.ruleId()).query(String.class).optional().orElse(null);
        boolean open = lead.status().isOpen();
        return new Details(lead, name(names, lead.ownerId()), ruleName, access.mayWork(lead, viewer),
                access.mayManage(lead, viewer), lead.confirmationLate(clock.instant()),
                entries.stream().filter(e -> !e.followUp()).toList(), entries.stream().filter(Entry::followUp).toList(),
                open ? duplicates.find(lead.companyName(), lead.creditCode(), lead.mobile(), lead.email(), lead.id(),
                        viewer) : List.of());
    }

    static String name(Map<Long, UserSummary> names, Long id) {
        if (id == null) {
            return null;
        }
        UserSummary u = names.get(id);
        return u == null ? "?" : u.displayName();
    }
}
