package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The one-hour confirmation clock in working time, its miss, and the review of an invalid mark. */
@IntegrationTest
class LeadClockIntegrationTests {

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
        jdbc.sql("DELETE FROM service_calendar_day WHERE name = '线索测试假日'").update();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    Instant due(long lead) {
        return ((Timestamp) data.row(lead).get("confirm_due")).toInstant();
    }

    @Test
    void theOneHourClockCountsWorkingTimeAcrossTheEndOfTheDayAWeekendAndAHoliday() throws Exception {
        // Friday 17:30: half an hour left today; Saturday and Sunday off; Monday a public holiday.
        jdbc.sql("INSERT INTO service_calendar_day (day, working, name) VALUES ('2027-03-08', false, '线索测试假日')").update();
        clock.setInstant(at("2027-03-05T17:30"));
        String region = LeadTestData.unique("钟");
        CurrentUser manager = users.newManagerOfNewTeam("钟");
        CurrentUser rep = users.newUser("钟员", Role.REP, manager.getUsername());
        data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        long lead = data.lead(region, "x");

        assignment.assign(List.of(lead), false, Map.of());
        assertThat(due(lead)).isEqualTo(at("2027-03-09T09:30"));

        clock.setInstant(at("2027-03-09T09:29"));
        jobs.checkMisses();
        assertThat(data.row(lead).get("missed_at")).isNull();
        assertThat(data.status(lead)).isEqualTo("ASSIGNED");

        clock.setInstant(at("2027-03-09T09:31"));
        jobs.checkMisses();
        // Missed: the only rule gives it to the rep who missed it, so it goes back to the lead pool.
        assertThat(data.status(lead)).isEqualTo("NEW");
        assertThat(data.owner(lead)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'MISSED'").param(lead)
                .query(Long.class).single()).isEqualTo(1);
        jobs.checkMisses();
        assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'MISSED'").param(lead)
                .query(Long.class).single()).isEqualTo(1);
        deliveries.awaitAll();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'LEAD_MISSED' AND link = ?")
                .params(manager.id(), "/leads/" + lead).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOwnerIsRemindedOnceOfTheSummaryEmailADayAfterTheFirstContactWhileTheLeadIsWorked() throws Exception {
        clock.setInstant(at("2027-04-06T10:00"));
        String region = LeadTestData.unique("总结");
        CurrentUser rep = users.newUser("sum-rep", Role.REP, null);
        data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        long worked = data.lead(region, "x");
        long closed = data.lead(region, "x");
        assignment.assign(List.of(worked, closed), false, Map.of());
        jdbc.sql("UPDATE sales_lead SET first_contact_at = ? WHERE id IN (?, ?)")
                .params(Timestamp.from(at("2027-04-06T10:30")), worked, closed).update();
        jdbc.sql("UPDATE sales_lead SET status = 'CLOSED' WHERE id = ?").param(closed).update();

        clock.setInstant(at("2027-04-07T10:29"));
        jobs.remindSummaries();
        assertThat(reminders(worked)).isZero();
        clock.setInstant(at("2027-04-07T10:31"));
        jobs.remindSummaries();
        assertThat(reminders(worked)).isEqualTo(1);
        jobs.remindSummaries();
        clock.setInstant(at("2027-04-08T10:31"));
        jobs.remindSummaries();
        assertThat(reminders(worked)).isEqualTo(1);

        deliveries.awaitAll();
        assertThat(jdbc.sql("SELECT link FROM notification WHERE recipient_id = ? AND kind = 'LEAD_SUMMARY_DUE'")
                .param(rep.id()).query(String.class).list()).containsExactly("/leads/" + worked);
        assertThat(reminders(closed)).isZero();
    }

    long reminders(long lead) {
        return jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'SUMMARY_DUE'").param(lead)
                .query(Long.class).single();
    }

    @Test
    void aFirstContactAWeekOldGetsNoSummaryReminderAnyMore() {
        clock.setInstant(at("2027-04-12T10:00"));
        String region = LeadTestData.unique("旧");
        CurrentUser rep = users.newUser("sum-old", Role.REP, null);
        data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        long lead = data.lead(region, "x");
        assignment.assign(List.of(lead), false, Map.of());
        jdbc.sql("UPDATE sales_lead SET first_contact_at = ? WHERE id = ?")
                .params(Timestamp.from(at("2027-04-05T09:00")), lead).update();
        jobs.remindSummaries();
        assertThat(reminders(lead)).isZero();
    }

    @Test
    void aMissedConfirmationIsReassignedByTheRulesToAnotherRep() {
        clock.setInstant(at("2027-03-15T10:00"));
        String region = LeadTestData.unique("转");
        CurrentUser manager = users.newManagerOfNewTeam("转");
        CurrentUser first = users.newUser("转一", Role.REP, manager.getUsername());
        CurrentUser second = users.newUser("转二", Role.REP, manager.getUsername());
        jdbc.sql("INSERT INTO lead_capacity (user_id, daily_capacity) VALUES (?, 0)").param(manager.id()).update();
        data.rule(1, region, null, RuleTarget.ROUND_ROBIN, null, manager.teamId());
        long lead = data.lead(region, "x");
        assignment.assign(List.of(lead), false, Map.of());
        long missedBy = data.owner(lead);

        clock.setInstant(at("2027-03-15T11:01"));
        jobs.checkMisses();

        assertThat(data.status(lead)).isEqualTo("ASSIGNED");
        assertThat(data.owner(lead)).isIn(first.id(), second.id()).isNotEqualTo(missedBy);
        assertThat(due(lead)).isEqualTo(at("2027-03-15T12:01"));
    }

    @Test
    void anInvalidMarkNeedsAReasonAndTheManagerClosesItOrReassignsIt() throws Exception {
        long closed = assignedTo("rep1");
        long reassigned = assignedTo("rep1");
        String v = String.valueOf(data.version(closed));

        mvc.perform(post("/leads/{id}/invalid", closed).param("reason", " ").param("version", v)
                .with(users.as("rep1")).with(csrf())).andExpect(status().isOk());
        assertThat(data.status(closed)).isEqualTo("ASSIGNED");
        mvc.perform(post("/leads/{id}/invalid", closed).param("reason", "空号").param("version", v)
                .with(users.as("rep1")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(data.status(closed)).isEqualTo("INVALID");
        assertThat(data.row(closed).get("invalid_reason")).isEqualTo("空号");

        // The rep may not review their own mark; the manager confirms it and the lead is closed.
        String v2 = String.valueOf(data.version(closed));
        mvc.perform(post("/leads/{id}/review", closed).param("decision", "CLOSE").param("version", v2)
                .with(users.as("rep1")).with(csrf())).andExpect(status().isOk());
        assertThat(data.status(closed)).isEqualTo("INVALID");
        mvc.perform(post("/leads/{id}/review", closed).param("decision", "CLOSE").param("version", v2)
                .with(users.as("manager1")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(data.status(closed)).isEqualTo("CLOSED");

        mvc.perform(post("/leads/{id}/invalid", reassigned).param("reason", "行业不符")
                .param("version", String.valueOf(data.version(reassigned))).with(users.as("rep1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/leads/{id}/review", reassigned).param("decision", "REASSIGN")
                .param("userId", String.valueOf(users.principal("rep2").id()))
                .param("version", String.valueOf(data.version(reassigned))).with(users.as("manager1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(data.status(reassigned)).isEqualTo("ASSIGNED");
        assertThat(data.owner(reassigned)).isEqualTo(users.principal("rep2").id());
        deliveries.awaitAll();
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'LEAD_INVALID' AND link = ?")
                .params(users.principal("manager1").id(), "/leads/" + closed).query(Long.class).single()).isEqualTo(1);
    }

    long assignedTo(String username) {
        long lead = data.lead(LeadTestData.unique("无效"), "x");
        jdbc.sql("""
                UPDATE sales_lead SET status = 'ASSIGNED', owner_id = ?, assigned_at = now(), confirm_due = now() + interval '1 hour'
                WHERE id = ?
                """).params(users.principal(username).id(), lead).update();
        return lead;
    }
}
