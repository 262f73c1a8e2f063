package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Assignment by the rules: order and fallback, round-robin, least-loaded with capacity, disabled users, the daily run and its dry run. */
@IntegrationTest
class LeadAssignmentIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    LeadAssignment assignment;

    @Autowired
    LeadJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @Autowired
    Deliveries deliveries;

    LeadTestData data;

    @BeforeEach
    void setUp() {
        data = new LeadTestData(jdbc, (Clock) clock);
    }

    @AfterEach
    void tearDown() {
        data.deleteTestRules();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    void capacity(CurrentUser user, int capacity) {
        jdbc.sql("INSERT INTO lead_capacity (user_id, daily_capacity) VALUES (?, ?)").params(user.id(), capacity).update();
    }

    @Test
    void rulesAreTriedInOrderAndAFullRuleFallsThroughToTheNextOrLeavesTheLeadInThePool() {
        String region = LeadTestData.unique("华东");
        CurrentUser managerA = users.newManagerOfNewTeam("序A");
        CurrentUser repA = users.newUser("序A员", Role.REP, managerA.getUsername());
        CurrentUser managerB = users.newManagerOfNewTeam("序B");
        CurrentUser repB = users.newUser("序B员", Role.REP, managerB.getUsername());
        capacity(repA, 1);
        capacity(managerB, 0);
        long industryRule = data.rule(1, region, "制造业", RuleTarget.USER, repA.id(), null);
        long regionRule = data.rule(2, region, null, RuleTarget.ROUND_ROBIN, null, managerB.teamId());
        long first = data.lead(region, "制造业");
        long second = data.lead(region, "制造业");
        long retail = data.lead(region, "零售");
        long elsewhere = data.lead(LeadTestData.unique("西北"), "制造业");

        assignment.assign(List.of(first, second, retail, elsewhere), false, Map.of());

        assertThat(data.owner(first)).isEqualTo(repA.id());
        assertThat(data.row(first).get("rule_id")).isEqualTo(industryRule);
        // repA's capacity of 1 is used: the next manufacturing lead falls through to the region rule.
        assertThat(data.owner(second)).isEqualTo(repB.id());
        assertThat(data.row(second).get("rule_id")).isEqualTo(regionRule);
        assertThat(data.owner(retail)).isEqualTo(repB.id());
        assertThat(data.status(elsewhere)).isEqualTo("NEW");
        assertThat(data.owner(elsewhere)).isNull();
        assertThat(data.status(first)).isEqualTo("ASSIGNED");
        assertThat(data.row(first).get("confirm_due")).isNotNull();
    }

    @Test
    void roundRobinGivesTheTeamsMembersTheirLeadsInTurnAcrossPasses() {
        String region = LeadTestData.unique("华南");
        CurrentUser manager = users.newManagerOfNewTeam("轮");
        CurrentUser r1 = users.newUser("轮一", Role.REP, manager.getUsername());
        CurrentUser r2 = users.newUser("轮二", Role.REP, manager.getUsername());
        List<Long> members = List.of(manager.id(), r1.id(), r2.id()).stream().sorted().toList();
        data.rule(1, region, null, RuleTarget.ROUND_ROBIN, null, manager.teamId());
        List<Long> leads = List.of(data.lead(region, "a"), data.lead(region, "b"), data.lead(region, "c"),
                data.lead(region, "d"));

        assignment.assign(leads, false, Map.of());
        long next = data.lead(region, "e");
        assignment.assign(List.of(next), false, Map.of());

        assertThat(leads.stream().map(data::owner).toList())
                .containsExactly(members.get(0), members.get(1), members.get(2), members.get(0));
        assertThat(data.owner(next)).isEqualTo(members.get(1));
    }

    @Test
    void leastLoadedGoesToTheMemberWithFewestOpenLeadsAndRespectsTheDailyCapacity() {
        String region = LeadTestData.unique("华北");
        CurrentUser manager = users.newManagerOfNewTeam("载");
        CurrentUser light = users.newUser("载轻", Role.REP, manager.getUsername());
        CurrentUser busy = users.newUser("载重", Role.REP, manager.getUsername());
        capacity(manager, 0);
        capacity(light, 1);
        for (int i = 0; i < 2; i++) {
            long open = data.lead(LeadTestData.unique("别处"), "x");
            jdbc.sql("UPDATE sales_lead SET status = 'CONTACTABLE', owner_id = ? WHERE id = ?").params(busy.id(), open)
                    .update();
        }
        data.rule(1, region, null, RuleTarget.LEAST_LOADED, null, manager.teamId());
        List<Long> leads = List.of(data.lead(region, "a"), data.lead(region, "b"), data.lead(region, "c"));

        assignment.assign(leads, false, Map.of());

        // light has no open lead but room for one; then only busy has room (the manager none at all).
        assertThat(leads.stream().map(data::owner).toList()).containsExactly(light.id(), busy.id(), busy.id());
    }

    @Test
    void disabledUsersAreSkipped() {
        String region = LeadTestData.unique("西南");
        CurrentUser manager = users.newManagerOfNewTeam("停");
        CurrentUser gone = users.newUser("停用", Role.REP, manager.getUsername());
        CurrentUser active = users.newUser("在职", Role.REP, manager.getUsername());
        capacity(manager, 0);
        data.disable(gone);
        data.rule(1, region, null, RuleTarget.USER, gone.id(), null);
        data.rule(2, region, null, RuleTarget.ROUND_ROBIN, null, manager.teamId());
        List<Long> leads = List.of(data.lead(region, "a"), data.lead(region, "b"));

        assignment.assign(leads, false, Map.of());

        assertThat(leads.stream().map(data::owner).toList()).containsOnly(active.id());
    }

    @Test
    void theDailyRunAssignsEveryUnassignedLeadOnceAndItsRerunChangesNothing() throws Exception {
        clock.setInstant(at("2027-02-22T09:00"));
        String region = LeadTestData.unique("华中");
        CurrentUser manager = users.newManagerOfNewTeam("日");
        CurrentUser rep = users.newUser("日员", Role.REP, manager.getUsername());
        data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        long lead = data.lead(region, "a");

        assertThat(jobs.runDaily(at("2027-02-22T09:00:02"), false).status()).isEqualTo("DONE");
        assertThat(data.owner(lead)).isEqualTo(rep.id());
        long version = data.version(lead);
        long late = data.lead(region, "b");
        clock.setInstant(at("2027-02-22T09:05"));

        assertThat(jobs.runDaily(at("2027-02-22T09:05"), false).status()).isEqualTo("ALREADY_DONE");
        assertThat(data.version(lead)).isEqualTo(version);
        assertThat(data.status(late)).isEqualTo("NEW");
        assertThat(jdbc.sql("SELECT count(*) FROM lead_job_run WHERE job = 'DAILY_ASSIGN' AND scheduled_at = ?")
                .param(java.sql.Timestamp.from(at("2027-02-22T09:00"))).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'ASSIGNED'").param(lead)
                .query(Long.class).single()).isEqualTo(1);
        deliveries.awaitAll();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'LEAD_ASSIGNED'")
                .param(rep.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDryRunShowsTheRuleAndRepOfEachLeadAndWritesNothing() throws Exception {
        String region = LeadTestData.unique("东北");
        CurrentUser manager = users.newManagerOfNewTeam("试");
        CurrentUser rep = users.newUser("试员", Role.REP, manager.getUsername());
        long rule = data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        long lead = data.lead(region, "a");
        String company = (String) data.row(lead).get("company_name");
        long version = data.version(lead);

        List<LeadAssignment.DryRunRow> rows = assignment.dryRun();
        mvc.perform(get("/admin/leads/dry-run").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(company)));

        assertThat(rows).anySatisfy(r -> {
            assertThat(r.leadId()).isEqualTo(lead);
            assertThat(r.userName()).isEqualTo(rep.displayName());
        });
        assertThat(data.status(lead)).isEqualTo("NEW");
        assertThat(data.version(lead)).isEqualTo(version);
        assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ?").param(lead).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT last_user_id FROM lead_rule WHERE id = ?").param(rule).query().singleRow().get("last_user_id"))
                .isNull();
    }
}
