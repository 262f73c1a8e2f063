package io.tidecrm.lead.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.lead.LeadsAssigned;
import io.tidecrm.lead.internal.AssignmentPlanner.Candidate;
import io.tidecrm.lead.internal.AssignmentPlanner.Decision;
import io.tidecrm.lead.internal.AssignmentPlanner.Plan;
import io.tidecrm.service.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment by the rules: reads one snapshot (the unassigned leads, the enabled rules in order
 * with their enabled members, each member's room left today and open leads), lets
 * {@link AssignmentPlanner} decide, and writes every decision in one conditional statement (only
 * leads still unassigned), with one history row each, so a lead picked or assigned meanwhile is
 * left alone. Passes are serialised by a transaction-scoped lock, so that two passes (the daily
 * run and a lead arriving) never both use a rep's last unit of capacity. Each rep is told once per
 * pass ({@link LeadsAssigned}). The dry run reads the same snapshot and writes nothing.
 */
@Component
class LeadAssignment {

    /** Namespace of the advisory lock that serialises assignment passes and pool picks per user. */
    static final int LOCK_NAMESPACE = 7401;
    static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final LeadRules rules;
    private final UserManagement users;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadAssignment(JdbcClient jdbc, LeadRules rules, UserManagement users, WorkingCalendar calendar,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.users = users;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** One lead given to a rep in a pass. */
    record Assigned(long leadId, long ownerId, Long ruleId, String companyName, Instant confirmDue) {
    }

    /** One row of the dry run: the lead and the rule and rep that would take it (both null: stays in the pool). */
    record DryRunRow(long leadId, String companyName, String region, String industry, LeadSource source,
            String ruleName, String userName) {
    }

    private record Snapshot(List<Candidate> leads, Map<Long, String> names, List<AssignmentPlanner.Rule> rules,
            Map<Long, Integer> room, Map<Long, Integer> load) {

        Plan plan() {
            return AssignmentPlanner.plan(leads, rules, room, load);
        }
    }

    /**
     * Assigns unassigned leads by the rules now: those given (all of them, up to a batch, when
     * null), only by the rules that assign on arrival when {@code onArrivalOnly}; a lead may name a
     * rep it must not go back to ({@code excluded}: its previous owner).
     */
    @Transactional
    List<Assigned> assign(Collection<Long> leadIds, boolean onArrivalOnly, Map<Long, Long> excluded) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, 0)").param("ns", LOCK_NAMESPACE).query().listOfRows();
        Snapshot snapshot = snapshot(leadIds, onArrivalOnly, excluded);
        Plan plan = snapshot.plan();
        List<Decision> taken = plan.decisions().stream().filter(Decision::assigned).toList();
        if (taken.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant due = confirmDue(now);
        List<Assigned> assigned = jdbc.sql("""
                UPDATE sales_lead l SET status = 'ASSIGNED', owner_id = t.owner, rule_id = t.rule, assigned_at = :now,
                       confirm_due = :due, confirmed_at = NULL, missed_at = NULL, updated_at = :now,
                       version = l.version + 1
                FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[]), CAST(:rules AS bigint[])) AS t(id, owner, rule)
                WHERE l.id = t.id AND l.status = 'NEW'
                RETURNING l.id, l.owner_id, l.rule_id, l.company_name
                """)
                .param("ids", taken.stream().map(Decision::leadId).toArray(Long[]::new))
                .param("owners", taken.stream().map(Decision::userId).toArray(Long[]::new))
                .param("rules", taken.stream().map(Decision::ruleId).toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due))
                .query((rs, n) -> new Assigned(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), due))
                .list();
        jdbc.sql("""
                INSERT INTO lead_event (lead_id, kind, owner_id, rule_id, at)
                SELECT t.id, 'ASSIGNED', t.owner, t.rule, :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:owners AS bigint[]), CAST(:rules AS bigint[])) AS t(id, owner, rule)
                """)
                .param("ids", assigned.stream().map(Assigned::leadId).toArray(Long[]::new))
                .param("owners", assigned.stream().map(Assigned::ownerId).toArray(Long[]::new))
                .param("rules", assigned.stream().map(Assigned::ruleId).toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .update();
        plan.lastUserByRule().forEach((rule, user) -> {
            if (user != null) {
                jdbc.sql("UPDATE lead_rule SET last_user_id = ? WHERE id = ?").params(user, rule).update();
            }
        });
        announce(assigned, now);
        return assigned;
    }

    /** Tells each rep once about the leads this pass gave them. */
    void announce(List<Assigned> assigned, Instant now) {
        Map<Long, List<LeadsAssigned.Item>> byOwner = new LinkedHashMap<>();
        assigned.forEach(a -> byOwner.computeIfAbsent(a.ownerId(), k -> new ArrayList<>())
                .add(new LeadsAssigned.Item(a.leadId(), a.companyName(), a.confirmDue())));
        byOwner.forEach((owner, items) -> events.publishEvent(new LeadsAssigned(owner, items, now)));
    }

    /** What the daily run would do now: every unassigned lead with the rule and rep that would take it. Writes nothing. */
    @Transactional(readOnly = true)
    List<DryRunRow> dryRun() {
        Snapshot snapshot = snapshot(null, false, Map.of());
        Plan plan = snapshot.plan();
        Map<Long, String> ruleNames = new HashMap<>();
        snapshot.rules().forEach(r -> ruleNames.put(r.id(), r.name()));
        Set<Long> userIds = new HashSet<>();
        plan.decisions().forEach(d -> {
            if (d.userId() != null) {
                userIds.add(d.userId());
            }
        });
        Map<Long, UserSummary> names = users.findUsers(userIds);
        Map<Long, Candidate> leads = new HashMap<>();
        snapshot.leads().forEach(c -> leads.put(c.leadId(), c));
        return plan.decisions().stream().map(d -> {
            Candidate c = leads.get(d.leadId());
            return new DryRunRow(d.leadId(), snapshot.names().get(d.leadId()), c.region(), c.industry(), c.source(),
                    d.ruleId() == null ? null : ruleNames.get(d.ruleId()),
                    d.userId() == null ? null : names.get(d.userId()).displayName());
        }).toList();
    }

    /** When a lead assigned at {@code at} must be confirmed: the confirmation time in working time. */
    Instant confirmDue(Instant at) {
        return calendar.addWorkingTime(at, Duration.ofMinutes(rules.settings().confirmMinutes()));
    }

    private Snapshot snapshot(Collection<Long> leadIds, boolean onArrivalOnly, Map<Long, Long> excluded) {
        if (leadIds != null && leadIds.isEmpty()) {
            return new Snapshot(List.of(), Map.of(), List.of(), Map.of(), Map.of());
        }
        Map<Long, String> names = new HashMap<>();
        var sql = jdbc.sql("""
                SELECT id, company_name, region, industry, source FROM sales_lead
                WHERE status = 'NEW' %s ORDER BY id LIMIT %d
                """.formatted(leadIds == null ? "" : "AND id IN (:ids)", BATCH));
        if (leadIds != null) {
            sql = sql.param("ids", Set.copyOf(leadIds));
        }
        List<Candidate> leads = sql.query((rs, n) -> {
            names.put(rs.getLong(1), rs.getString(2));
            return new Candidate(rs.getLong(1), rs.getString(3), rs.getString(4), LeadSource.valueOf(rs.getString(5)),
                    excluded.get(rs.getLong(1)));
        }).list();
        List<AssignmentPlanner.Rule> ruleList = new ArrayList<>();
        Set<Long> members = new HashSet<>();
        for (LeadRules.StoredRule r : rules.rules()) {
            if (!r.enabled() || (onArrivalOnly && !r.onArrival())) {
                continue;
            }
            List<Long> ids = r.target() == RuleTarget.USER
                    ? users.findUser(r.userId()).filter(UserSummary::enabled).filter(u -> u.role() != Role.ADMIN)
                            .map(u -> List.of(u.id())).orElse(List.of())
                    : users.findTeamMembers(r.teamId()).stream().filter(UserSummary::enabled)
                            .filter(u -> u.role() != Role.ADMIN).map(UserSummary::id).toList();
            members.addAll(ids);
            ruleList.add(new AssignmentPlanner.Rule(r.id(), r.name(), r.region(), r.industry(), r.source(), r.target(),
                    ids, r.lastUserId()));
        }
        return new Snapshot(leads, names, ruleList, room(members), load(members));
    }

    /** Each member's daily capacity less what they were given since the start of today (business zone). */
    private Map<Long, Integer> room(Set<Long> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> own = rules.ownCapacities();
        int def = rules.settings().defaultCapacity();
        Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        Map<Long, Integer> given = counts("""
                SELECT owner_id, count(*) FROM lead_event
                WHERE kind = 'ASSIGNED' AND at >= :since AND owner_id IN (:users) GROUP BY owner_id
                """, members, Map.of("since", Timestamp.from(dayStart)));
        Map<Long, Integer> room = new HashMap<>();
        members.forEach(u -> room.put(u, own.getOrDefault(u, def) - given.getOrDefault(u, 0)));
        return room;
    }

    /** Each member's open leads (assigned, contactable, nurturing, waiting for review). */
    private Map<Long, Integer> load(Set<Long> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return counts("""
                SELECT owner_id, count(*) FROM sales_lead
                WHERE status IN ('ASSIGNED', 'CONTACTABLE', 'NURTURING', 'INVALID') AND owner_id IN (:users)
                GROUP BY owner_id
                """, members, Map.of());
    }

    private Map<Long, Integer> counts(String sql, Set<Long> users, Map<String, Object> params) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql(sql).params(params).param("users", users).query(rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        return counts;
    }
}
