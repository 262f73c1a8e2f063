package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Tickets through the pages: due times from the policy, the owner, the actions, visibility and input. */
@IntegrationTest
class TicketIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    io.tidecrm.support.Deliveries deliveries;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    long record(String username, long customerId, String kind, String priority) throws Exception {
        String location = mvc.perform(post("/customers/{id}/tickets", customerId).with(users.as(username)).with(csrf())
                        .param("kind", kind).param("priority", priority).param("channel", "PHONE")
                        .param("category", "PRODUCT").param("title", "系统登录不了").param("description", "客户反馈无法登录"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/tickets/\\d+");
        return Long.parseLong(location.substring("/tickets/".length()));
    }

    Map<String, Object> row(long id) {
        return fixtures.jdbc().sql("SELECT * FROM service_ticket WHERE id = ?").param(id).query().singleRow();
    }

    Instant instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    long version(long id) {
        return ((Number) row(id).get("version")).longValue();
    }

    @Test
    void aComplaintIsDueWithinThreeWorkingDays() throws Exception {
        clock.setInstant(at("2026-11-02T10:00")); // Monday
        long id = record("rep1", fixtures.customerOf("rep1", "投诉"), "COMPLAINT", "NORMAL");
        assertThat(instant(row(id).get("resolution_due"))).isEqualTo(at("2026-11-05T10:00"));
        assertThat(instant(row(id).get("first_response_due"))).isEqualTo(at("2026-11-02T14:00"));
    }

    @Test
    void aServiceRequestGetsAFirstResponseWithinTwoWorkingHoursAndAResolutionWithin24() throws Exception {
        clock.setInstant(at("2026-11-06T17:00")); // Friday, one working hour left
        long id = record("rep1", fixtures.customerOf("rep1", "请求"), "REQUEST", "NORMAL");
        assertThat(instant(row(id).get("first_response_due"))).isEqualTo(at("2026-11-09T10:00"));
        // 1 h Friday + 9 h Monday + 9 h Tuesday + 5 h Wednesday.
        assertThat(instant(row(id).get("resolution_due"))).isEqualTo(at("2026-11-11T14:00"));
    }

    @Test
    void theMostSpecificPolicyRowApplies() throws Exception {
        clock.setInstant(at("2026-11-02T10:00"));
        long id = record("rep1", fixtures.customerOf("rep1", "紧急"), "REQUEST", "URGENT");
        assertThat(instant(row(id).get("first_response_due"))).isEqualTo(at("2026-11-02T11:00"));
        assertThat(instant(row(id).get("resolution_due"))).isEqualTo(at("2026-11-02T18:00"));
    }

    @Test
    void theRecorderOwnsTheTicketUntilAManagerReassignsIt() throws Exception {
        long customer = fixtures.customerOf("rep1", "首问");
        long id = record("manager1", customer, "COMPLAINT", "NORMAL");
        assertThat(row(id).get("owner_id")).isEqualTo(fixtures.userId("manager1"));
        // A rep cannot reassign; the owner's manager can, with a reason.
        mvc.perform(post("/tickets/{id}/assign", id).with(users.as("rep1")).with(csrf())
                        .param("ownerId", String.valueOf(fixtures.userId("rep2"))).param("reason", "x")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isOk());
        assertThat(row(id).get("owner_id")).isEqualTo(fixtures.userId("manager1"));
        mvc.perform(post("/tickets/{id}/assign", id).with(users.as("manager1")).with(csrf())
                        .param("ownerId", String.valueOf(fixtures.userId("rep2"))).param("reason", "李娜熟悉该产品")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(row(id).get("owner_id")).isEqualTo(fixtures.userId("rep2"));
        assertThat(fixtures.jdbc().sql("SELECT body FROM service_ticket_entry WHERE ticket_id = ? AND kind = 'REASSIGNED'")
                .param(id).query(String.class).single()).isEqualTo("李娜熟悉该产品");
        deliveries.awaitAll();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'TICKET_ASSIGNED' AND link = ?")
                .params(fixtures.userId("rep2"), "/tickets/" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theStatesGoNewInProgressResolvedClosedAndAReopenGoesBackToInProgress() throws Exception {
        long id = record("rep1", fixtures.customerOf("rep1", "流转"), "REQUEST", "NORMAL");
        act(id, "start", "rep1").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("status", "IN_PROGRESS");
        assertThat(row(id).get("first_responded_at")).isNotNull();
        // Closing needs a resolved ticket: refused from in progress.
        act(id, "close", "rep1", "satisfaction", "5").andExpect(status().isOk());
        assertThat(row(id)).containsEntry("status", "IN_PROGRESS");
        act(id, "resolve", "rep1", "resolution", "重置了密码").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("status", "RESOLVED").containsEntry("resolution", "重置了密码");
        act(id, "close", "rep1", "satisfaction", "4").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("status", "CLOSED");
        assertThat(((Number) row(id).get("satisfaction")).intValue()).isEqualTo(4);
        act(id, "reopen", "rep1", "reason", "客户反馈问题复现").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("status", "IN_PROGRESS").containsEntry("satisfaction", null);
        assertThat(fixtures.jdbc().sql("SELECT string_agg(kind, ',' ORDER BY id) FROM service_ticket_entry WHERE ticket_id = ?")
                .param(id).query(String.class).single()).isEqualTo("CREATED,STARTED,RESOLVED,CLOSED,REOPENED");
    }

    @Test
    void anActionFromAStaleVersionIsRefusedWithAMessage() throws Exception {
        long id = record("rep1", fixtures.customerOf("rep1", "过期"), "REQUEST", "NORMAL");
        long seen = version(id);
        act(id, "start", "rep1").andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/{id}/resolve", id).with(users.as("rep1")).with(csrf())
                        .cookie(new Cookie("tidecrm-lang", "en"))
                        .param("resolution", "done").param("version", String.valueOf(seen)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("changed by someone else")));
        assertThat(row(id)).containsEntry("status", "IN_PROGRESS");
    }

    @Test
    void aCommentIsAppendedAndCountsAsFollowingUpTheCustomer() throws Exception {
        long customer = fixtures.customerOf("rep1", "备注");
        long id = record("rep1", customer, "REQUEST", "NORMAL");
        clock.advance(java.time.Duration.ofHours(3));
        mvc.perform(post("/tickets/{id}/entries", id).with(users.as("rep1")).with(csrf())
                        .param("kind", "REPLY").param("body", "已电话回复客户"))
                .andExpect(status().is3xxRedirection());
        Instant clockAt = fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customer)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(clockAt).isAfterOrEqualTo(clock.instant().minusSeconds(1));
        assertThat(row(id)).containsEntry("status", "IN_PROGRESS");
        mvc.perform(get("/tickets/{id}", id).with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("已电话回复客户")));
    }

    @Test
    void aTicketIsVisibleExactlyWhenItsCustomerIsAndToItsOwner() throws Exception {
        long customer = fixtures.customerOf("rep1", "可见");
        long id = record("rep1", customer, "COMPLAINT", "NORMAL");
        mvc.perform(get("/tickets/{id}", id).with(users.as("manager1"))).andExpect(status().isOk());
        mvc.perform(get("/tickets/{id}", id).with(users.as("rep3"))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets/{id}", id).with(users.as("manager2"))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets?view=ALL").with(users.as("rep3")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/tickets/" + id + "\""))));
        // Given to rep2 (same team, not the customer's owner), rep2 sees it and may work on it.
        mvc.perform(post("/tickets/{id}/assign", id).with(users.as("manager1")).with(csrf())
                        .param("ownerId", String.valueOf(fixtures.userId("rep2"))).param("reason", "休假")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tickets?view=MINE").with(users.as("rep2")))
                .andExpect(content().string(Matchers.containsString("/tickets/" + id + "\"")));
        act(id, "resolve", "rep2", "resolution", "已处理").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("status", "RESOLVED");
    }

    @Test
    void aTicketOnTheCustomerPageAndInTheOverdueList() throws Exception {
        clock.setInstant(at("2026-11-02T10:00"));
        long customer = fixtures.customerOf("rep1", "超时");
        long id = record("rep1", customer, "REQUEST", "NORMAL");
        mvc.perform(get("/customers/{id}", customer).with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("/tickets/" + id + "\"")));
        mvc.perform(get("/tickets?view=OVERDUE").with(users.as("rep1")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/tickets/" + id + "\""))));
        clock.setInstant(at("2026-11-02T12:30"));
        mvc.perform(get("/tickets?view=OVERDUE").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("/tickets/" + id + "\"")));
    }

    @Test
    void badInputIsNamedOnTheFormInTheUsersLanguage() throws Exception {
        long customer = fixtures.customerOf("rep1", "校验");
        mvc.perform(post("/customers/{id}/tickets", customer).with(users.as("rep1")).with(csrf())
                        .cookie(new Cookie("tidecrm-lang", "zh-CN"))
                        .param("kind", "COMPLAINT").param("priority", "NORMAL").param("channel", "PHONE")
                        .param("category", "PRODUCT").param("title", " ").param("description", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请填写主题")))
                .andExpect(content().string(Matchers.containsString("请填写问题描述")));
        long id = record("rep1", customer, "REQUEST", "NORMAL");
        act(id, "start", "rep1").andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/{id}/resolve", id).with(users.as("rep1")).with(csrf())
                        .cookie(new Cookie("tidecrm-lang", "en")).param("resolution", "").param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Please fill in Resolution")));
        act(id, "resolve", "rep1", "resolution", "已处理").andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/{id}/close", id).with(users.as("rep1")).with(csrf())
                        .cookie(new Cookie("tidecrm-lang", "en")).param("satisfaction", "9").param("version", String.valueOf(version(id))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Satisfaction must be at most 5")));
    }

    private org.springframework.test.web.servlet.ResultActions act(long id, String action, String username,
            String... params) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/tickets/{id}/" + action, id).with(users.as(username)).with(csrf())
                .param("version", String.valueOf(version(id)));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }
}
