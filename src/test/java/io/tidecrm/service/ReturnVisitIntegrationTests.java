package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Return visits: scheduled once per approved contract at T+7 and T+30, recorded once with a satisfaction, missed ones listed. */
@IntegrationTest
class ReturnVisitIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogFixtures catalog;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    List<LocalDate> dueDates(long contract) {
        return fixtures.jdbc().sql("SELECT due_date FROM service_return_visit WHERE contract_id = ? ORDER BY due_date")
                .param(contract).query(java.sql.Date.class).list().stream().map(java.sql.Date::toLocalDate).toList();
    }

    @Test
    void anApprovedContractSchedulesReturnVisitsAtSevenAndThirtyDaysOnce() throws Exception {
        long customer = fixtures.customerOf("rep1", "回访");
        long contract = new ContractApprovals(mvc, users, fixtures, catalog, deliveries).approveContractOf(customer);
        LocalDate today = LocalDate.now(clock);
        assertThat(dueDates(contract)).containsExactly(today.plusDays(7), today.plusDays(30));

        // The same fact delivered again (a retry after a crash) schedules nothing more.
        tx.executeWithoutResult(s -> events.publishEvent(new ContractApproved(contract, "重发", customer, "客户",
                fixtures.userId("rep1"), null, fixtures.userId("rep1"), fixtures.userId("manager1"), BigDecimal.TEN, null,
                clock.instant(), today)));
        deliveries.awaitAll();
        assertThat(dueDates(contract)).hasSize(2);
    }

    @Test
    void aReturnVisitIsRecordedOnceWithTheSatisfactionAndMissedOnesAreListed() throws Exception {
        long customer = fixtures.customerOf("rep1", "回访记录");
        long contract = new ContractApprovals(mvc, users, fixtures, catalog, deliveries).approveContractOf(customer);
        long first = fixtures.jdbc().sql("SELECT id FROM service_return_visit WHERE contract_id = ? AND offset_days = 7")
                .param(contract).query(Long.class).single();
        clock.advance(java.time.Duration.ofDays(10));
        assertThat(missedListOfManager1()).contains("/return-visits/" + first + "\"");
        mvc.perform(get("/return-visits/{id}", first).with(users.as("rep3"))).andExpect(status().isNotFound());

        mvc.perform(post("/return-visits/{id}", first).with(users.as("rep1")).with(csrf())
                        .param("satisfaction", "5").param("note", "使用顺利").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT satisfaction FROM service_return_visit WHERE id = ?").param(first)
                .query(Integer.class).single()).isEqualTo(5);
        var clockAt = fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customer)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(clockAt).isAfterOrEqualTo(clock.instant().minusSeconds(1));
        // A second record of the same visit is refused.
        mvc.perform(post("/return-visits/{id}", first).with(users.as("rep1")).with(csrf())
                        .param("satisfaction", "1").param("version", "0"))
                .andExpect(status().isOk());
        assertThat(fixtures.jdbc().sql("SELECT satisfaction FROM service_return_visit WHERE id = ?").param(first)
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(missedListOfManager1()).doesNotContain("/return-visits/" + first + "\"");
    }

    /** Every page of manager1's missed return visits (other tests leave theirs in the shared database). */
    private String missedListOfManager1() throws Exception {
        StringBuilder pages = new StringBuilder();
        String path = "/return-visits?view=MISSED";
        for (int i = 0; i < 50 && path != null; i++) {
            String html = mvc.perform(get(path).with(users.as("manager1"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            pages.append(html);
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/return-visits\\?[^\"]*cursor=[^\"]*)\"")
                    .matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        return pages.toString();
    }
}
