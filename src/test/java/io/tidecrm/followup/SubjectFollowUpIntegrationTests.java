package io.tidecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A follow-up written on an opportunity or a contract follows up its customer and is shown on both. */
@IntegrationTest
class SubjectFollowUpIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void aFollowUpOnAnOpportunityOrContractMovesTheCustomersClockAndIsShownOnBoth() throws Exception {
        long rep = fixtures.userId("rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("主题跟进"), "B", "INTENT", rep);
        fixtures.jdbc().sql("UPDATE customer SET clock_at = now() - interval '15 days' WHERE id = ?").param(customer).update();
        long opportunity = fixtures.jdbc().sql("""
                INSERT INTO opportunity (customer_id, owner_id, title, stage, amount, expected_close_date, probability,
                                         created_by_id, created_at, updated_at)
                VALUES (?, ?, '年度采购商机', 'LEAD', 1000, current_date + 30, 10, ?, now(), now()) RETURNING id
                """).params(customer, rep, rep).query(Long.class).single();
        long contract = fixtures.jdbc().sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      created_by_id, created_at, updated_at)
                VALUES (?, ?, '年度服务合同', 'NOT_STARTED', 'DIRECT', 'BANK_TRANSFER', current_date, 1000, ?, now(), now())
                RETURNING id
                """).params(customer, rep, rep).query(Long.class).single();
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).toString();

        mvc.perform(post("/follow-ups/about/OPPORTUNITY/{id}", opportunity).with(users.as("rep1")).with(csrf())
                .param("kind", "MEETING").param("occurredAt", now).param("content", "商机评审会"))
                .andExpect(redirectedUrl("/opportunities/" + opportunity));
        assertThat(fixtures.jdbc().sql("SELECT clock_at > now() - interval '1 day' FROM customer WHERE id = ?")
                .param(customer).query(Boolean.class).single()).isTrue();
        mvc.perform(post("/follow-ups/about/CONTRACT/{id}", contract).with(users.as("rep1")).with(csrf())
                .header("HX-Request", "true").param("kind", "PHONE").param("occurredAt", now).param("content", "确认合同条款"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("确认合同条款")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("商机评审会"))));

        mvc.perform(get("/follow-ups/about/OPPORTUNITY/{id}", opportunity).with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("商机评审会")));
        mvc.perform(get("/customers/{id}", customer).with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("关于 年度采购商机")))
                .andExpect(content().string(Matchers.containsString("关于 年度服务合同")));

        // Another team sees neither the subject nor its follow-ups, and cannot write on it.
        mvc.perform(get("/follow-ups/about/OPPORTUNITY/{id}", opportunity).with(users.as("rep3")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/follow-ups/about/CONTRACT/{id}", contract).with(users.as("manager2")).with(csrf())
                .param("kind", "PHONE").param("occurredAt", now).param("content", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/follow-ups/about/NOTHING/{id}", contract).with(users.as("admin")))
                .andExpect(status().isNotFound());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM follow_up WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(2);
    }
}
