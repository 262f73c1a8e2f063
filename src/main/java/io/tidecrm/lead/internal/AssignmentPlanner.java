package io.tidecrm.lead.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides who gets which lead, in memory over one snapshot (the rules in order, each rule's
 * eligible members, each rep's room left today and open leads), so that the run and its dry run
 * decide alike and every edge is tested without a database. A lead goes to the first rule, in
 * order, that matches it (region, industry and source; an empty criterion matches anything) and
 * has a member with room; a rule whose members are all full, or have left, falls through to the
 * next matching rule; no rule leaves the lead in the pool.
 */
final class AssignmentPlanner {

    private AssignmentPlanner() {
    }

    record Candidate(long leadId, String region, String industry, LeadSource source, Long excludedUserId) {
    }

    /**
     * @param members the enabled reps and managers the rule may give leads to, by id (for USER, the one user or none)
     * @param lastUserId round-robin: the member who got the rule's last lead
     */
    record Rule(long id, String name, String region, String industry, LeadSource source, RuleTarget target,
            List<Long> members, Long lastUserId) {

        boolean matches(Candidate c) {
            return same(region, c.region()) && same(industry, c.industry()) && (source == null || source == c.source());
        }

        private static boolean same(String criterion, String value) {
            return criterion == null || (value != null
                    && criterion.strip().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT)));
        }
    }

    /** @param ruleId null and userId null: no rule took the lead (it stays in the pool) */
    record Decision(long leadId, Long ruleId, Long userId) {

        boolean assigned() {
            return userId != null;
        }
    }

    record Plan(List<Decision> decisions, Map<Long, Long> lastUserByRule) {
    }

    /**
     * @param room leads each member may still be given today (absent: none)
     * @param load each member's open leads now (absent: none)
     */
    static Plan plan(List<Candidate> leads, List<Rule> rules, Map<Long, Integer> room, Map<Long, Integer> load) {
        Map<Long, Integer> left = new HashMap<>(room);
        Map<Long, Integer> open = new HashMap<>(load);
        Map<Long, Long> last = new HashMap<>();
        rules.forEach(r -> last.put(r.id(), r.lastUserId()));
        List<Decision> decisions = new ArrayList<>();
        for (Candidate lead : leads) {
            Decision decision = new Decision(lead.leadId(), null, null);
            for (Rule rule : rules) {
                if (!rule.matches(lead)) {
                    continue;
                }
                Long user = pick(rule, lead, left, open, last.get(rule.id()));
                if (user != null) {
                    left.merge(user, -1, Integer::sum);
                    open.merge(user, 1, Integer::sum);
                    last.put(rule.id(), user);
                    decision = new Decision(lead.leadId(), rule.id(), user);
                    break;
                }
            }
            decisions.add(decision);
        }
        return new Plan(decisions, last);
    }

    private static Long pick(Rule rule, Candidate lead, Map<Long, Integer> left, Map<Long, Integer> open, Long lastUser) {
        List<Long> eligible = rule.members().stream().sorted()
                .filter(u -> left.getOrDefault(u, 0) > 0 && !Objects.equals(u, lead.excludedUserId()))
                .toList();
        if (eligible.isEmpty()) {
            return null;
        }
        return switch (rule.target()) {
            case USER -> eligible.get(0);
            case ROUND_ROBIN -> eligible.stream().filter(u -> lastUser != null && u > lastUser).findFirst()
                    .orElse(eligible.get(0));
            case LEAST_LOADED -> {
                Long best = null;
                for (Long u : eligible) {
                    if (best == null || open.getOrDefault(u, 0) < open.getOrDefault(best, 0)) {
                        best = u;
                    }
                }
                yield best;
            }
        };
    }
}
