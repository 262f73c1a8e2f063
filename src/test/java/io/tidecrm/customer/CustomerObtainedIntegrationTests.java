package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import io.tidecrm.identity.Role;
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

/** A customer's new owner, whichever way it came to them, with their team at that moment. */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class CustomerObtainedIntegrationTests {

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
    void creationAndTransferArePublished(PublishedEvents events) throws Exception {
        long rep1 = fixtures.userId("rep1");
        long rep2 = fixtures.userId("rep2");
        String name = CustomerFixtures.uniqueName("新客户事实");
        String location = mvc.perform(post("/customers").with(users.as("rep1")).with(csrf()).param("name", name)
                        .param("type", "A").param("status", "FIRST_VISIT").param("source", "OTHER"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        CustomerObtained created = single(events.ofType(CustomerObtained.class).matching(e -> e.customerId() == id));
        assertThat(created.kind()).isEqualTo(OwnerChangeKind.CREATED);
        assertThat(created.customerName()).isEqualTo(name);
        assertThat(created.type()).isEqualTo(CustomerType.A);
        assertThat(created.ownerId()).isEqualTo(rep1);
        assertThat(created.ownerTeamId()).isEqualTo(teamOf(rep1));
        assertThat(created.previousOwnerId()).isNull();
        assertThat(created.byUserId()).isEqualTo(rep1);
        assertThat(created.businessDate()).isEqualTo(LocalDate.now(clock));

        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("manager1")).with(csrf())
                        .param("targetUserId", String.valueOf(rep2)).param("reason", "调整"))
                .andExpect(status().is3xxRedirection());
        CustomerObtained transferred = single(events.ofType(CustomerObtained.class)
                .matching(e -> e.customerId() == id && e.kind() == OwnerChangeKind.TRANSFERRED));
        assertThat(transferred.ownerId()).isEqualTo(rep2);
        assertThat(transferred.ownerTeamId()).isEqualTo(teamOf(rep2));
        assertThat(transferred.previousOwnerId()).isEqualTo(rep1);
        assertThat(transferred.byUserId()).isEqualTo(fixtures.userId("manager1"));
    }

    @Test
    void aGrabAndAnAssignmentFromThePoolArePublished(PublishedEvents events) throws Exception {
        // Fresh reps: nothing of theirs in caps or today's grab limit.
        long rep3 = users.newUser("grabber", Role.REP, "rep3").id();
        String grabber = userManagement.findUser(rep3).orElseThrow().username();
        long grabbed = fixtures.insert(CustomerFixtures.uniqueName("抢客户事实"), "C", "INTENT", null);
        mvc.perform(post("/pool/{id}/grab", grabbed).with(users.as(grabber)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        CustomerObtained grab = single(events.ofType(CustomerObtained.class).matching(e -> e.customerId() == grabbed));
        assertThat(grab.kind()).isEqualTo(OwnerChangeKind.GRABBED);
        assertThat(grab.ownerId()).isEqualTo(rep3);
        assertThat(grab.ownerTeamId()).isEqualTo(teamOf(rep3));
        assertThat(grab.byUserId()).isEqualTo(rep3);

        long rep4 = users.newUser("assignee", Role.REP, "rep4").id();
        long assigned = fixtures.insert(CustomerFixtures.uniqueName("分配客户事实"), "C", "INTENT", null);
        mvc.perform(post("/pool/{id}/assign", assigned).with(users.as("manager2")).with(csrf())
                        .param("repId", String.valueOf(rep4)))
                .andExpect(status().is3xxRedirection());
        CustomerObtained assignment = single(events.ofType(CustomerObtained.class)
                .matching(e -> e.customerId() == assigned));
        assertThat(assignment.kind()).isEqualTo(OwnerChangeKind.ASSIGNED);
        assertThat(assignment.ownerId()).isEqualTo(rep4);
        assertThat(assignment.byUserId()).isEqualTo(fixtures.userId("manager2"));
    }

    private Long teamOf(long userId) {
        return userManagement.findUser(userId).orElseThrow().teamId();
    }

    private static <T> T single(Iterable<T> events) {
        assertThat(events).hasSize(1);
        return events.iterator().next();
    }
}
