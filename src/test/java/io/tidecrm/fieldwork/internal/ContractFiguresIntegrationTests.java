package io.tidecrm.fieldwork.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.tidecrm.contract.ContractApproved;
import io.tidecrm.contract.PaymentRecorded;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
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

/**
 * The daily summary counts the day's approved contracts and payments received from the contract
 * module's facts (never its tables), once each however often a fact is delivered, and the week
 * shows them against the weekly plan's goals.
 */
@IntegrationTest
class ContractFiguresIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    Deliveries deliveries;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    private void publish(Object fact) {
        tx.executeWithoutResult(s -> events.publishEvent(fact));
        deliveries.awaitAll();
    }

    @Test
    void theSummaryCountsTheDaysApprovedContractsAndPaymentsFromTheContractFactsOnceEach() throws Exception {
        CurrentUser rep = users.newUser("fig-contract", Role.REP, "rep1");
        LocalDate monday = LocalDate.of(2031, 6, 2);
        LocalDate tuesday = monday.plusDays(1);
        clock.setInstant(tuesday.atTime(9, 0).atZone(ZONE).toInstant());
        long customer = fixtures.insert(CustomerFixtures.uniqueName("合同日报"), "B", "INTENT", rep.id());
        mvc.perform(post("/reports/weekly/plan").param("day", tuesday.toString()).param("goalCustomers", "2")
                .param("goalAmount", "300000").param("tasks[0].day", monday.toString())
                .param("tasks[0].description", "签约两家").param("tasks[0].endsAt", "17:00").with(csrf()).with(users.as(rep.getUsername())))
                .andExpect(status().is3xxRedirection());
        Instant at = tuesday.atTime(11, 0).atZone(ZONE).toInstant();
        long contractId = System.nanoTime();
        ContractApproved approved = new ContractApproved(contractId, "年度服务合同", customer, "客户", rep.id(), null,
                rep.id(), rep.id(), new BigDecimal("120000.00"), null, at, tuesday);
        publish(approved);
        publish(approved);
        publish(new PaymentRecorded(contractId + 1, contractId, customer, rep.id(), null, new BigDecimal("50000.00"),
                tuesday, null, rep.id(), at, tuesday));
        // A payment entered on the Monday belongs to the Monday, not to the Tuesday's summary.
        publish(new PaymentRecorded(contractId + 2, contractId, customer, rep.id(), null, new BigDecimal("7000.00"),
                monday, null, rep.id(), at.minusSeconds(86_400), monday));
        clock.setInstant(tuesday.atTime(17, 50).atZone(ZONE).toInstant());
        mvc.perform(post("/reports/daily/summary").param("day", tuesday.toString()).param("body", "签了一家")
                .with(csrf()).with(users.as(rep.getUsername()))).andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("""
                SELECT fig_contracts || '/' || fig_contract_amount || '/' || fig_payments || '/' || fig_payment_amount
                FROM work_report WHERE author_id = ? AND kind = 'DAILY_SUMMARY'
                """).param(rep.id()).query(String.class).single()).isEqualTo("1/120000.00/1/50000.00");
        mvc.perform(get("/reports/week").param("day", tuesday.toString()).with(users.as(rep.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 / 2")))
                .andExpect(content().string(Matchers.containsString("¥57,000.00")))
                .andExpect(content().string(Matchers.containsString("¥300,000.00")));
    }
}
