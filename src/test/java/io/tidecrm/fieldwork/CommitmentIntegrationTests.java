package io.tidecrm.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CommitmentIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    CurrentUser rep;
    long customerId;
    long visitId;

    @BeforeEach
    void aCheckedInVisit() throws Exception {
        // 10:00 in the business zone, so that "today" and "tomorrow" are plain.
        clock.setInstant(LocalDate.now(ZONE).atTime(10, 0).atZone(ZONE).toInstant());
        rep = users.newUser("promiser", Role.REP, "rep1");
        customerId = fixtures.insert(CustomerFixtures.uniqueName("承诺"), "B", "INTENT", rep.id());
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZONE).plusMinutes(30);
        String location = mvc.perform(post("/customers/{id}/visits", customerId).param("plannedAt", at.toString())
                .param("purpose", "签约前沟通").with(csrf()).with(users.as(rep.getUsername())))
                .andReturn().getResponse().getRedirectedUrl();
        visitId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/visits/{id}/check-in", visitId).param("locationError", "code-2").with(csrf())
                .with(users.as(rep.getUsername())));
    }

    @Test
    void commitmentsOfTheVisitRecordAreToDosOfTheirOwnerAndOverdueTheDayAfterTheirDueDate() throws Exception {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        record(Map.of("commitments[0].content", "发送正式报价单", "commitments[0].dueDate", tomorrow.toString(),
                "commitments[1].content", "", "commitments[1].dueDate", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM visit_commitment WHERE visit_id = ?").param(visitId)
                .query(Long.class).single()).isOne();
        assertThat(fixtures.jdbc().sql("SELECT content FROM follow_up WHERE customer_id = ?").param(customerId)
                .query(String.class).single()).contains("【承诺事项】发送正式报价单（" + tomorrow + " 前）");

        mvc.perform(get("/commitments").with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("发送正式报价单")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("已逾期"))));
        mvc.perform(get("/commitments").with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("发送正式报价单")));
        mvc.perform(get("/commitments").with(users.as("manager2")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("发送正式报价单"))));

        clock.advance(Duration.ofDays(1));
        mvc.perform(get("/commitments").with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("已逾期"))));
        clock.advance(Duration.ofDays(1));
        mvc.perform(get("/commitments").with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("已逾期")));
    }

    @Test
    void aCommitmentBelongsToTheTeammateNamedAsItsOwnerWhoSeesAndClosesItWithoutOwningTheCustomer() throws Exception {
        CurrentUser teammate = users.newUser("promise-mate", Role.REP, "rep1");
        mvc.perform(get("/visits/{id}", visitId).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("name=\"commitments[0].ownerId\"")))
                .andExpect(content().string(Matchers.containsString(teammate.displayName())));
        record(Map.of("commitments[0].content", "请售前出演示方案", "commitments[0].dueDate",
                LocalDate.now(clock).plusDays(2).toString(), "commitments[0].ownerId", String.valueOf(teammate.id())))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.jdbc().sql("SELECT id FROM visit_commitment WHERE visit_id = ? AND owner_id = ?")
                .params(visitId, teammate.id()).query(Long.class).single();

        mvc.perform(get("/commitments").with(users.as(teammate.getUsername())))
                .andExpect(content().string(Matchers.containsString("请售前出演示方案")));
        mvc.perform(get("/commitments").with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("请售前出演示方案"))));
        mvc.perform(post("/commitments/{id}/done", id).with(csrf()).with(users.as(teammate.getUsername())))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT done_by_id FROM visit_commitment WHERE id = ?").param(id)
                .query(Long.class).single()).isEqualTo(teammate.id());
    }

    @Test
    void anOwnerOutsideTheWritersTeamIsRefusedOnItsFieldAndNothingIsSaved() throws Exception {
        CurrentUser stranger = users.newUser("promise-far", Role.REP, "rep3");
        record(Map.of("commitments[0].content", "寄送资料", "commitments[0].dueDate",
                LocalDate.now(clock).plusDays(1).toString(), "commitments[0].ownerId", String.valueOf(stranger.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("责任人请从本组成员或本组经理中选择")))
                .andExpect(content().string(Matchers.containsString("寄送资料")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM visit_commitment WHERE visit_id = ?").param(visitId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHalfFilledCommitmentOrOneDueInThePastIsRefusedOnItsFieldAndNothingIsSaved() throws Exception {
        record(Map.of("commitments[0].content", "安排技术培训", "commitments[0].dueDate", "",
                "commitments[1].content", "补充合同附件",
                "commitments[1].dueDate", LocalDate.now(clock).minusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请填写完成日期")))
                .andExpect(content().string(Matchers.containsString("完成日期不能早于今天")))
                .andExpect(content().string(Matchers.containsString("安排技术培训")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customerId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void markingDoneRecordsWhenAndByWhomOnceAndOnlyInsideTheScope() throws Exception {
        record(Map.of("commitments[0].content", "寄送样品", "commitments[0].dueDate",
                LocalDate.now(clock).toString())).andExpect(status().is3xxRedirection());
        long id = fixtures.jdbc().sql("SELECT id FROM visit_commitment WHERE visit_id = ?").param(visitId)
                .query(Long.class).single();
        mvc.perform(post("/commitments/{id}/done", id).with(csrf()).with(users.as("manager2")))
                .andExpect(status().isNotFound());
        Instant now = clock.instant();
        mvc.perform(post("/commitments/{id}/done", id).with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        clock.advance(Duration.ofMinutes(10));
        mvc.perform(post("/commitments/{id}/done", id).with(csrf()).with(users.as("manager1")))
                .andExpect(status().is3xxRedirection());
        var done = fixtures.jdbc().sql("SELECT done_at, done_by_id FROM visit_commitment WHERE id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getTimestamp(1).toInstant(), rs.getLong(2))).single();
        assertThat(done.getKey()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
        assertThat(done.getValue()).isEqualTo(rep.id());
    }

    private ResultActions record(Map<String, String> commitments) throws Exception {
        var request = post("/visits/{id}/record", visitId).param("purpose", "签约前沟通").param("discussion", "确认了付款方式")
                .with(csrf()).with(users.as(rep.getUsername()));
        commitments.forEach(request::param);
        return mvc.perform(request);
    }
}
