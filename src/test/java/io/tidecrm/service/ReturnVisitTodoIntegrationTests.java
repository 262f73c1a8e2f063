package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Return visits on the owner's to-do page; recording one writes a follow-up on the customer's timeline. */
@IntegrationTest
class ReturnVisitTodoIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    CurrentUser rep;
    String customerName;
    long customer;
    long visit;

    @BeforeEach
    void setUp() {
        clock.setInstant(Instant.parse("2004-05-12T03:00:00Z")); // 11:00 in Shanghai
        CurrentUser manager = users.newManagerOfNewTeam("todo-visit-mgr");
        rep = users.newUser("todo-visit-rep", Role.REP, manager.getUsername());
        customerName = CustomerFixtures.uniqueName("待回访客户");
        customer = fixtures.insert(customerName, "A", "WON", rep.id());
        visit = fixtures.jdbc().sql("""
                INSERT INTO service_return_visit (customer_id, offset_days, due_date, owner_id, created_at, visit_month)
                VALUES (?, 0, DATE '2004-05-31', ?, now(), DATE '2004-05-01') RETURNING id""")
                .params(customer, rep.id()).query(Long.class).single();
    }

    String todo(CurrentUser user) throws Exception {
        String html = mvc.perform(get("/todo").with(users.as(user.getUsername()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int at = html.indexOf("id=\"todo-returnVisit-todo\"");
        assertThat(at).as("the return visits card").isPositive();
        return html.substring(at, html.indexOf("</ul>", at));
    }

    @Test
    void aReturnVisitAppearsOnItsOwnersToDoPageUntilItIsRecorded() throws Exception {
        assertThat(todo(rep)).contains(customerName, "href=\"/return-visits/" + visit + "\"", "A 类客户每月回访",
                "2004-05-31");
        CurrentUser colleague = users.newUser("todo-visit-other", Role.REP, null);
        assertThat(todo(colleague)).doesNotContain(customerName).contains("没有待回访的客户");

        mvc.perform(post("/return-visits/{id}", visit).with(users.as(rep.getUsername())).with(csrf())
                .param("satisfaction", "4").param("note", "续费意向明确").param("kind", "PHONE").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(todo(rep)).doesNotContain(customerName);
    }

    @Test
    void recordingAReturnVisitWritesAFollowUpOnTheCustomersTimeline() throws Exception {
        mvc.perform(post("/return-visits/{id}", visit).with(users.as(rep.getUsername())).with(csrf())
                .param("satisfaction", "5").param("note", "非常满意").param("kind", "WECHAT").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> row = fixtures.jdbc().sql("""
                SELECT f.id, f.kind, f.author_id, f.content FROM follow_up f
                WHERE f.customer_id = ? ORDER BY f.id DESC LIMIT 1""").param(customer).query().singleRow();
        assertThat(row.get("kind")).isEqualTo("WECHAT");
        assertThat(row.get("author_id")).isEqualTo(rep.id());
        assertThat((String) row.get("content")).contains("A 类客户每月回访", "满意度 5/5", "非常满意");
        assertThat(fixtures.jdbc().sql("SELECT follow_up_id FROM service_return_visit WHERE id = ?").param(visit)
                .query(Long.class).single()).isEqualTo(row.get("id"));
        String page = mvc.perform(get("/customers/{id}", customer).with(users.as(rep.getUsername())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("满意度 5/5");
    }

    @Test
    void aReturnVisitWithAnUnknownWayOfReachingIsRefusedOnTheFormWithNothingWritten() throws Exception {
        String html = mvc.perform(post("/return-visits/{id}", visit).with(users.as(rep.getUsername())).with(csrf())
                .param("satisfaction", "5").param("note", "保留的备注").param("kind", "PIGEON").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("请从列表中选择回访方式", "保留的备注");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
        assertThat(fixtures.jdbc().sql("SELECT done_at IS NULL FROM service_return_visit WHERE id = ?").param(visit)
                .query(Boolean.class).single()).isTrue();
    }
}
