package io.tidecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A follow-up that leaves "next follow-up" blank keeps the one already scheduled; clearing it is
 * an explicit choice; the form says which time it will keep (SPEC "Follow-ups").
 */
@IntegrationTest
class NextFollowUpIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aFollowUpWithoutANextTimeKeepsTheScheduledOne() throws Exception {
        long id = customer();
        String scheduled = now().plusDays(3).withHour(10).withMinute(0).toString();
        followUp(id, "约了周四演示", "nextFollowUpAt", scheduled);
        Timestamp before = next(id);
        assertThat(before).isNotNull();

        followUp(id, "又聊了一次，时间不变");
        assertThat(next(id)).isEqualTo(before);
        // The to-do of the rep still has it.
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE id = ? AND next_follow_up_at IS NOT NULL").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void clearingTheScheduledNextFollowUpIsAnExplicitChoice() throws Exception {
        long id = customer();
        followUp(id, "约了下周", "nextFollowUpAt", now().plusDays(7).withHour(9).withMinute(0).toString());
        followUp(id, "客户已签约意向，无需再约", "clearNextFollowUp", "true");
        assertThat(next(id)).isNull();
    }

    @Test
    void aNewNextTimeReplacesTheScheduledOneEvenWhenClearIsTicked() throws Exception {
        long id = customer();
        followUp(id, "第一次", "nextFollowUpAt", now().plusDays(2).withHour(9).withMinute(0).toString());
        LocalDateTime later = now().plusDays(5).withHour(15).withMinute(0);
        followUp(id, "改约", "nextFollowUpAt", later.toString(), "clearNextFollowUp", "true");
        assertThat(next(id).toInstant()).isEqualTo(later.atZone(clock.getZone()).toInstant());
    }

    @Test
    void theFormSaysWhichScheduledTimeABlankNextKeeps() throws Exception {
        long id = customer();
        followUp(id, "约了回访", "nextFollowUpAt", now().plusDays(4).withHour(11).withMinute(30).toString());
        String page = mvc.perform(get("/customers/{id}", id).with(users.as("rep1"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("留空则保留已安排的下次跟进：" + now().plusDays(4).toLocalDate() + " 11:30。",
                "name=\"clearNextFollowUp\"");
    }

    private long customer() {
        return fixtures.insert(CustomerFixtures.uniqueName("下次跟进"), "B", "FIRST_VISIT", fixtures.userId("rep1"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }

    /** Posts a follow-up written five minutes ago, with extra parameters as name, value pairs. */
    private void followUp(long customerId, String content, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/customers/{id}/follow-ups", customerId).with(users.as("rep1"))
                .with(csrf()).param("kind", "PHONE").param("occurredAt", now().minusMinutes(5).toString())
                .param("content", content);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isLessThan(400);
    }

    private Timestamp next(long customerId) {
        return jdbc.sql("SELECT next_follow_up_at FROM customer WHERE id = ?").param(customerId)
                .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
    }
}
