package io.tidecrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import io.tidecrm.identity.UserManagement;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Creating and moving an opportunity (on its page or by the board's drag) publishes the facts. */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class OpportunityFactsIntegrationTests {

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

    @Test
    void creationStageMovesAndTheWinArePublishedWithTheOwnersTeam(PublishedEvents events) throws Exception {
        long rep1 = fixtures.userId("rep1");
        Long team = userManagement.findUser(rep1).orElseThrow().teamId();
        long customer = fixtures.insert(CustomerFixtures.uniqueName("商机事实"), "B", "INTENT", rep1);
        long id = create(customer, "赢单商机");

        OpportunityCreated created = single(events.ofType(OpportunityCreated.class).matching(e -> e.opportunityId() == id));
        assertThat(created.customerId()).isEqualTo(customer);
        assertThat(created.name()).isEqualTo("赢单商机");
        assertThat(created.ownerId()).isEqualTo(rep1);
        assertThat(created.ownerTeamId()).isEqualTo(team);
        assertThat(created.stage()).isEqualTo("LEAD");
        assertThat(created.amount()).isEqualByComparingTo("10000");
        assertThat(created.businessDate()).isEqualTo(LocalDate.now(clock));

        move(id, "PROPOSAL", null, false).andExpect(status().is3xxRedirection());
        // The board's drag goes through the same service.
        move(id, "WON", null, true).andExpect(status().isOk());

        assertThat(events.ofType(OpportunityStageChanged.class).matching(e -> e.opportunityId() == id))
                .extracting(e -> e.fromStage() + "→" + e.toStage())
                .containsExactly("LEAD→PROPOSAL", "PROPOSAL→WON");
        OpportunityWon won = single(events.ofType(OpportunityWon.class).matching(e -> e.opportunityId() == id));
        assertThat(won.ownerTeamId()).isEqualTo(team);
        assertThat(won.amount()).isEqualByComparingTo("10000");
        assertThat(events.ofType(OpportunityLost.class).matching(e -> e.opportunityId() == id)).isEmpty();
    }

    @Test
    void aLossCarriesItsReason(PublishedEvents events) throws Exception {
        long customer = fixtures.insert(CustomerFixtures.uniqueName("输单事实"), "B", "INTENT", fixtures.userId("rep1"));
        long id = create(customer, "输单商机");
        move(id, "LOST", "预算取消", false).andExpect(status().is3xxRedirection());

        OpportunityLost lost = single(events.ofType(OpportunityLost.class).matching(e -> e.opportunityId() == id));
        assertThat(lost.reason()).isEqualTo("预算取消");
        assertThat(events.ofType(OpportunityWon.class).matching(e -> e.opportunityId() == id)).isEmpty();
        // A refused move publishes nothing.
        move(id, "WON", null, false);
        assertThat(events.ofType(OpportunityStageChanged.class).matching(e -> e.opportunityId() == id)).hasSize(1);
    }

    private long create(long customer, String title) throws Exception {
        String location = mvc.perform(post("/customers/{id}/opportunities", customer).with(users.as("rep1")).with(csrf())
                        .param("title", title).param("expectedCloseDate", "2030-06-30").param("amount", "10000"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions move(long id, String stage, String reason, boolean board) throws Exception {
        long version = fixtures.jdbc().sql("SELECT version FROM opportunity WHERE id = ?").param(id)
                .query(Long.class).single();
        var request = post("/opportunities/{id}/stage", id).with(users.as("rep1")).with(csrf())
                .param("stage", stage).param("version", String.valueOf(version));
        if (reason != null) {
            request.param("lostReason", reason);
        }
        if (board) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request);
    }

    private static <T> T single(Iterable<T> events) {
        assertThat(events).hasSize(1);
        return events.iterator().next();
    }
}
