package io.tidecrm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two transitions of one ticket at the same moment, from the same version: the database lets exactly one through. */
@IntegrationTest
class TicketConcurrencyIntegrationTests {

    @Autowired
    TicketService tickets;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void twoConcurrentTransitionsProduceExactlyOneResult() throws Exception {
        CurrentUser rep = users.principal("rep1");
        CurrentUser manager = users.principal("manager1");
        long customer = fixtures.customerOf("rep1", "并发");
        for (int round = 0; round < 5; round++) {
            long id = tickets.create(customer, new TicketForm(TicketKind.REQUEST, TicketPriority.NORMAL,
                    TicketChannel.PHONE, TicketCategory.PRODUCT, null, "并发" + round, "两人同时处理", null), rep);
            long version = fixtures.jdbc().sql("SELECT version FROM service_ticket WHERE id = ?").param(id)
                    .query(Long.class).single();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (CurrentUser who : List.of(rep, manager)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        tickets.resolve(id, new TicketActionForms.ResolveForm("由" + who.getUsername() + "解决", version), who);
                        return "done";
                    } catch (RuleViolation e) {
                        return e.messageKey();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder("done", "ticket.stale");
            assertThat(fixtures.jdbc().sql("SELECT count(*) FROM service_ticket_entry WHERE ticket_id = ? AND kind = 'RESOLVED'")
                    .param(id).query(Long.class).single()).isEqualTo(1);
        }
    }
}
