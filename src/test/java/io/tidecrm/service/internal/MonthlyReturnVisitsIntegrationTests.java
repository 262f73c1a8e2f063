package io.tidecrm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly return visit of A customers in service (seed 002: 重要客户每月至少 1 次回访): one per
 * customer and month, due by the month's end, for the service contact or else the owner; the
 * daily job's rerun changes nothing.
 */
@IntegrationTest
class MonthlyReturnVisitsIntegrationTests {

    @Autowired
    MonthlyReturnVisits monthly;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    io.tidecrm.support.TestUsers users;

    CurrentUser rep;
    /** A distinct day of the run per test, so that the job's run records of the shared database never meet. */
    Instant asOf;

    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void setUp() {
        rep = users.newUser("monthly-rep", Role.REP, null);
        // 10:00 in Shanghai on a March day of a year no other test uses.
        // (A minute apart per test: the random second used before took one of only 108 values, so two
        // tests of a run sometimes met and the second run answered "already ran".)
        asOf = Instant.parse("2003-03-10T02:00:00Z").plusSeconds(60L * RUNS.incrementAndGet());
    }

    long customer(String type) {
        return fixtures.insert(CustomerFixtures.uniqueName("月度回访"), type, "WON", rep.id());
    }

    void contract(long customer, String approval, String status, String start, String end) {
        fixtures.jdbc().sql("""
                INSERT INTO contract (customer_id, owner_id, title, status, type, payment_method, sign_date, total,
                                      approval_state, submitted_by_id, created_by_id, created_at, updated_at,
                                      service_start, service_end)
                VALUES (?, ?, '月度回访合同', ?, 'SERVICE', 'BANK_TRANSFER', DATE '2002-12-20', 1000, ?, ?, ?, now(), now(),
                        CAST(? AS date), CAST(? AS date))
                """).params(customer, rep.id(), status, approval, approval.equals("DRAFT") ? null : rep.id(), rep.id(),
                start, end).update();
    }

    List<String> visits(long customer) {
        return fixtures.jdbc().sql("""
                SELECT visit_month || '/' || due_date || '/' || owner_id FROM service_return_visit
                WHERE customer_id = ? AND visit_month IS NOT NULL ORDER BY due_date""")
                .param(customer).query(String.class).list();
    }

    @Test
    void anACustomerInServiceGetsOneReturnVisitAMonthAndARerunChangesNothing() {
        long a = customer("A");
        contract(a, "APPROVED", "IN_PROGRESS", "2003-01-01", "2003-12-31");

        assertThat(monthly.run(asOf, false)).isPositive();
        assertThat(visits(a)).containsExactly("2003-03-01/2003-03-31/" + rep.id());
        assertThat(monthly.run(asOf, false)).isEqualTo(-1); // the same firing again
        monthly.run(asOf.plusSeconds(86_400), false); // the next day's run
        assertThat(visits(a)).hasSize(1);

        monthly.run(asOf.plusSeconds(31L * 86_400), false); // in April
        assertThat(visits(a)).containsExactly("2003-03-01/2003-03-31/" + rep.id(),
                "2003-04-01/2003-04-30/" + rep.id());
    }

    @Test
    void onlyACustomersWithAnApprovedContractInServiceGetAMonthlyReturnVisit() {
        long typeB = customer("B");
        contract(typeB, "APPROVED", "IN_PROGRESS", "2003-01-01", "2003-12-31");
        long ended = customer("A");
        contract(ended, "APPROVED", "COMPLETED", "2002-01-01", "2003-02-28");
        long notYet = customer("A");
        contract(notYet, "APPROVED", "NOT_STARTED", "2003-04-01", "2004-03-31");
        long draft = customer("A");
        contract(draft, "DRAFT", "IN_PROGRESS", "2003-01-01", "2003-12-31");
        long terminated = customer("A");
        contract(terminated, "APPROVED", "TERMINATED", "2003-01-01", "2003-12-31");
        long openEnded = customer("A");
        contract(openEnded, "APPROVED", "IN_PROGRESS", null, null);

        monthly.run(asOf, false);

        for (long none : new long[] { typeB, ended, notYet, draft, terminated }) {
            assertThat(visits(none)).as("customer " + none).isEmpty();
        }
        assertThat(visits(openEnded)).hasSize(1);
    }

    @Test
    void theMonthlyReturnVisitGoesToTheServiceContactAndAVisitDueThatMonthCountsForIt() {
        CurrentUser contact = users.newUser("monthly-contact", Role.REP, null);
        long withContact = customer("A");
        contract(withContact, "APPROVED", "IN_PROGRESS", "2003-01-01", "2003-12-31");
        fixtures.jdbc().sql("INSERT INTO service_contact (customer_id, user_id, named, since) VALUES (?, ?, true, now())")
                .params(withContact, contact.id()).update();
        long visitedAfterSigning = customer("A");
        contract(visitedAfterSigning, "APPROVED", "IN_PROGRESS", "2003-01-01", "2003-12-31");
        fixtures.jdbc().sql("""
                INSERT INTO service_return_visit (customer_id, contract_id, offset_days, due_date, owner_id, created_at)
                VALUES (?, -?, 30, DATE '2003-03-20', ?, now())""")
                .params(visitedAfterSigning, visitedAfterSigning, rep.id()).update();

        monthly.run(asOf, false);

        assertThat(visits(withContact)).containsExactly("2003-03-01/2003-03-31/" + contact.id());
        assertThat(visits(visitedAfterSigning)).isEmpty();
    }
}
