package io.tidecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A saved follow-up is a fact with the author's team, its kind and the business date of the
 * saving; a correction is published too, flagged, so that the boards leave it out.
 */
@IntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class FollowUpRecordedIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFollowUpAndItsCorrectionArePublishedTheCorrectionFlagged(PublishedEvents events) throws Exception {
        // 00:30 in the business zone: the contact the evening before is saved, and counts, today.
        Instant saved = LocalDate.now(ZONE).atTime(0, 30).atZone(ZONE).toInstant().truncatedTo(ChronoUnit.MINUTES);
        clock.setInstant(saved);
        CurrentUser rep = users.newUser("fact", Role.REP, "rep1");
        long manager = fixtures.userId("manager1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("跟进事实"), "B", "INTENT", rep.id());
        Instant occurred = saved.minus(Duration.ofHours(2));
        mvc.perform(post("/customers/{id}/follow-ups", customer).with(users.as(rep.getUsername())).with(csrf())
                        .param("kind", "VISIT").param("occurredAt", LocalDateTime.ofInstant(occurred, ZONE).toString())
                        .param("content", "拜访客户，演示了产品").param("notifyUserIds", String.valueOf(manager)))
                .andExpect(status().is3xxRedirection());

        FollowUpRecorded recorded = single(events.ofType(FollowUpRecorded.class).matching(e -> e.customerId() == customer));
        assertThat(recorded.authorId()).isEqualTo(rep.id());
        assertThat(recorded.authorTeamId()).isEqualTo(rep.teamId()).isNotNull();
        assertThat(recorded.kind()).isEqualTo("VISIT");
        assertThat(recorded.occurredAt()).isEqualTo(occurred);
        assertThat(recorded.businessDate()).isEqualTo(LocalDate.ofInstant(saved, ZONE));
        assertThat(recorded.notifyUserIds()).containsExactly(manager);
        assertThat(recorded.correction()).isFalse();

        mvc.perform(post("/customers/{c}/follow-ups/{f}/corrections", customer, recorded.followUpId())
                        .with(users.as(rep.getUsername())).with(csrf()).param("content", "拜访客户，演示了高级版"))
                .andExpect(status().is3xxRedirection());
        FollowUpRecorded correction = single(events.ofType(FollowUpRecorded.class)
                .matching(e -> e.customerId() == customer && e.correction()));
        assertThat(correction.followUpId()).isNotEqualTo(recorded.followUpId());
        assertThat(correction.kind()).isEqualTo("VISIT");
        assertThat(correction.occurredAt()).isEqualTo(occurred);
        assertThat(correction.notifyUserIds()).as("a correction tells nobody again").isEmpty();
        assertThat(correction.excerpt()).contains("高级版");
    }

    private static <T> T single(Iterable<T> events) {
        assertThat(events).hasSize(1);
        return events.iterator().next();
    }
}
