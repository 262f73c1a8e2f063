package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A handover that fails never rolls back the approval: it runs after the approval committed, and
 * its publication stays incomplete until it is delivered again.
 */
@IntegrationTest
class HandoverFailureIntegrationTests {

    private static final String LISTENER = "io.tidecrm.service.internal.Handover.on(io.tidecrm.contract.ContractApproved)";

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
    IncompleteEventPublications incomplete;

    private final String trigger = "test_handover_down_" + System.nanoTime();

    @AfterEach
    void repair() {
        fixtures.jdbc().sql("DROP TRIGGER IF EXISTS " + trigger + " ON service_contact").update();
    }

    @Test
    void aFailingHandoverLeavesTheApprovalCommittedAndIsDeliveredAgainLater() throws Exception {
        long customer = fixtures.customerOf("rep1", "交接失败");
        fixtures.jdbc().sql("""
                CREATE OR REPLACE FUNCTION test_handover_down() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.customer_id = CAST(TG_ARGV[0] AS bigint) THEN
                        RAISE EXCEPTION 'handover down for %', TG_ARGV[0];
                    END IF;
                    RETURN NEW;
                END $$
                """).update();
        fixtures.jdbc().sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON service_contact FOR EACH ROW"
                + " EXECUTE FUNCTION test_handover_down('" + customer + "')").update();

        long contract = new ContractApprovals(mvc, users, fixtures, catalog, deliveries).approveContractOf(customer);

        assertThat(fixtures.jdbc().sql("SELECT approval_state FROM contract WHERE id = ?").param(contract)
                .query(String.class).single()).isEqualTo("APPROVED");
        assertThat(fixtures.jdbc().sql("SELECT status FROM customer WHERE id = ?").param(customer).query(String.class)
                .single()).isEqualTo("WON");
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM service_contact WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
        String pattern = "%\"contractId\":" + contract + ",%";
        java.util.UUID publication = fixtures.jdbc().sql("""
                SELECT id FROM event_publication
                WHERE listener_id = ? AND serialized_event LIKE ? AND completion_date IS NULL
                """).params(LISTENER, pattern).query(java.util.UUID.class).single();

        repair();
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));
        deliveries.awaitAll();
        assertThat(fixtures.jdbc().sql("SELECT user_id FROM service_contact WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(fixtures.userId("rep1"));
    }
}
