package io.tidecrm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The contract facts other modules (the boards) rely on: each carries the amount and the
 * contract's owner with their team at that moment, and the business date.
 */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class ContractFactsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    UserManagement userManagement;

    @Autowired
    MutableClock clock;

    ContractTestSupport t;
    long rep1;
    Long team;

    @BeforeEach
    void setUp() {
        t = new ContractTestSupport(mvc, users, fixtures);
        rep1 = fixtures.userId("rep1");
        team = userManagement.findUser(rep1).orElseThrow().teamId();
    }

    @Test
    void submissionAndApprovalCarryTheAmountAndTheOwnersTeam(PublishedEvents events) throws Exception {
        long id = t.contract("rep1", "2");
        t.submit("rep1", id).andExpect(status().is3xxRedirection());
        t.decide("manager1", id, "APPROVED", "同意").andExpect(status().is3xxRedirection());

        ContractSubmitted submitted = single(events.ofType(ContractSubmitted.class).matching(e -> e.contractId() == id));
        assertThat(submitted.amount()).isEqualByComparingTo("9960.00");
        assertThat(submitted.ownerId()).isEqualTo(rep1);
        assertThat(submitted.ownerTeamId()).isEqualTo(team);
        assertThat(submitted.customerId()).isEqualTo(customerOf(id));
        assertThat(submitted.approverIds()).contains(fixtures.userId("manager1"));

        ContractApproved approved = single(events.ofType(ContractApproved.class).matching(e -> e.contractId() == id));
        assertThat(approved.amount()).isEqualByComparingTo("9960.00");
        assertThat(approved.ownerId()).isEqualTo(rep1);
        assertThat(approved.ownerTeamId()).isEqualTo(team);
        assertThat(approved.approvedById()).isEqualTo(fixtures.userId("manager1"));
        assertThat(approved.submitterId()).isEqualTo(rep1);
        assertThat(approved.comment()).isEqualTo("同意");
        assertThat(approved.businessDate()).isEqualTo(LocalDate.now(clock));
        assertThat(events.ofType(ContractRejected.class).matching(e -> e.contractId() == id)).isEmpty();
    }

    @Test
    void aRejectionIsItsOwnFact(PublishedEvents events) throws Exception {
        long id = t.contract("rep1", "1");
        t.submit("rep1", id);
        t.decide("manager1", id, "REJECTED", "价格太低").andExpect(status().is3xxRedirection());

        ContractRejected rejected = single(events.ofType(ContractRejected.class).matching(e -> e.contractId() == id));
        assertThat(rejected.comment()).isEqualTo("价格太低");
        assertThat(rejected.rejectedById()).isEqualTo(fixtures.userId("manager1"));
        assertThat(rejected.amount()).isEqualByComparingTo("4980.00");
        assertThat(events.ofType(ContractApproved.class).matching(e -> e.contractId() == id)).isEmpty();
    }

    @Test
    void aMoneyEditOfAnApprovedContractWithdrawsTheApprovedAmount(PublishedEvents events) throws Exception {
        long id = t.approved("rep1", "manager1", "2");
        mvc.perform(post("/contracts/{id}", id).with(users.as("rep1")).with(csrf()).param("title", "改钱")
                .param("status", "IN_PROGRESS").param("type", "SERVICE").param("paymentMethod", "CASH")
                .param("signDate", "2030-01-15").param("version", String.valueOf(t.version(id)))
                .param("lines[0].productId", String.valueOf(t.catalog.basicEdition())).param("lines[0].quantity", "3"))
                .andExpect(status().is3xxRedirection());

        ContractSentBack sentBack = single(events.ofType(ContractSentBack.class).matching(e -> e.contractId() == id));
        assertThat(sentBack.approvedAmount()).isEqualByComparingTo("9960.00");
        assertThat(sentBack.newAmount()).isEqualByComparingTo("14940.00");
        assertThat(sentBack.ownerTeamId()).isEqualTo(team);
        assertThat(sentBack.byUserId()).isEqualTo(rep1);

        // A change of the plan sends it back too, with the same amount withdrawn and asked for.
        t.decide("manager1", id, "APPROVED", "").andExpect(status().is3xxRedirection());
        t.addInstalment("rep1", id, "2030-03-01", "1000").andExpect(status().is3xxRedirection());
        assertThat(events.ofType(ContractSentBack.class).matching(e -> e.contractId() == id)
                .matching(e -> e.approvedAmount().compareTo(new BigDecimal("14940.00")) == 0
                        && e.newAmount().compareTo(new BigDecimal("14940.00")) == 0))
                .hasSize(1);
        // An edit of a contract that is not approved sends nothing back.
        t.addInstalment("rep1", id, "2030-04-01", "1000").andExpect(status().is3xxRedirection());
        assertThat(events.ofType(ContractSentBack.class).matching(e -> e.contractId() == id)).hasSize(2);
    }

    @Test
    void aPaymentNamesItsRowAndIsCreditedToTheOwnersTeam(PublishedEvents events) throws Exception {
        long id = t.approved("rep1", "manager1", "1");
        t.pay("manager1", id, "1000", null).andExpect(status().is3xxRedirection());

        PaymentRecorded payment = single(events.ofType(PaymentRecorded.class).matching(e -> e.contractId() == id));
        long row = t.jdbc().sql("SELECT id FROM contract_payment WHERE contract_id = ?").param(id)
                .query(Long.class).single();
        assertThat(payment.paymentId()).isEqualTo(row);
        assertThat(payment.amount()).isEqualByComparingTo("1000");
        assertThat(payment.paidOn()).isEqualTo(LocalDate.parse("2030-02-01"));
        assertThat(payment.ownerId()).isEqualTo(rep1);
        assertThat(payment.ownerTeamId()).isEqualTo(team);
        assertThat(payment.recordedById()).isEqualTo(fixtures.userId("manager1"));
        assertThat(payment.customerId()).isEqualTo(customerOf(id));
        assertThat(payment.businessDate()).isEqualTo(LocalDate.now(clock));
    }

    private long customerOf(long contractId) {
        return t.jdbc().sql("SELECT customer_id FROM contract WHERE id = ?").param(contractId).query(Long.class).single();
    }

    private static <T> T single(Iterable<T> events) {
        assertThat(events).hasSize(1);
        return events.iterator().next();
    }
}
