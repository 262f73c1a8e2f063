package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tidecrm.lead.internal.AssignmentPlanner.Candidate;
import io.tidecrm.lead.internal.AssignmentPlanner.Decision;
import io.tidecrm.lead.internal.AssignmentPlanner.Rule;
import org.junit.jupiter.api.Test;

/** The assignment decisions without a database: matching, order, fallback, round-robin, least-loaded, exclusion. */
class AssignmentPlannerTests {

    static Candidate lead(long id, String region, String industry) {
        return new Candidate(id, region, industry, LeadSource.WEBSITE, null);
    }

    @Test
    void emptyCriteriaMatchAnythingAndMatchingIgnoresCaseAndSpaces() {
        Rule any = new Rule(1, "any", null, null, null, RuleTarget.USER, List.of(7L), null);
        Rule east = new Rule(2, "east", " East ", null, LeadSource.TRADE_SHOW, RuleTarget.USER, List.of(8L), null);
        assertThat(any.matches(lead(1, null, null))).isTrue();
        assertThat(east.matches(new Candidate(1, "east", "x", LeadSource.TRADE_SHOW, null))).isTrue();
        assertThat(east.matches(new Candidate(1, "east", "x", LeadSource.WEBSITE, null))).isFalse();
        assertThat(east.matches(lead(1, null, "x"))).isFalse();
    }

    @Test
    void ruleOrderAndFallbackWhenTheFirstRulesMembersAreFull() {
        Rule first = new Rule(1, "first", "华东", "制造业", null, RuleTarget.USER, List.of(10L), null);
        Rule second = new Rule(2, "second", "华东", null, null, RuleTarget.USER, List.of(20L), null);
        var plan = AssignmentPlanner.plan(List.of(lead(1, "华东", "制造业"), lead(2, "华东", "制造业"),
                lead(3, "华北", "制造业")), List.of(first, second), Map.of(10L, 1, 20L, 5), Map.of());
        assertThat(plan.decisions()).containsExactly(new Decision(1, 1L, 10L), new Decision(2, 2L, 20L),
                new Decision(3, null, null));
    }

    @Test
    void roundRobinContinuesAfterTheLastMemberAndSkipsTheExcludedOne() {
        Rule team = new Rule(1, "team", null, null, null, RuleTarget.ROUND_ROBIN, List.of(3L, 1L, 2L), 2L);
        var plan = AssignmentPlanner.plan(List.of(lead(1, "a", "b"), lead(2, "a", "b"),
                new Candidate(3, "a", "b", LeadSource.OTHER, 2L)), List.of(team), Map.of(1L, 9, 2L, 9, 3L, 9), Map.of());
        assertThat(plan.decisions().stream().map(Decision::userId).toList()).containsExactly(3L, 1L, 3L);
        assertThat(plan.lastUserByRule()).containsEntry(1L, 3L);
    }

    @Test
    void leastLoadedCountsTheLeadsGivenInThePass() {
        Rule team = new Rule(1, "team", null, null, null, RuleTarget.LEAST_LOADED, List.of(1L, 2L), null);
        var plan = AssignmentPlanner.plan(List.of(lead(1, "a", "b"), lead(2, "a", "b"), lead(3, "a", "b")),
                List.of(team), Map.of(1L, 9, 2L, 9), Map.of(1L, 1));
        assertThat(plan.decisions().stream().map(Decision::userId).toList()).containsExactly(2L, 1L, 2L);
    }
}
