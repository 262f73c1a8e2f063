package io.tidecrm.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar feed parses with a calendar library (biweekly) without warnings, holds the owner's
 * next follow-ups, planned visits and open commitments (and nobody else's), keeps each event's UID
 * when its time moves, and stops answering at the old address once a new one is made.
 */
@IntegrationTest
class CalendarFeedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    private String newFeed(CurrentUser user) throws Exception {
        String url = (String) mvc.perform(post("/account/calendar").with(users.as(user.getUsername())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("newFeedUrl");
        assertThat(url).matches("https?://.+/api/calendar/cal_[A-Za-z0-9_-]+\\.ics");
        return URI.create(url).getPath();
    }

    private ICalendar fetch(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        assertThat(response.getCookies()).isEmpty();
        String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        ICalendar calendar = Biweekly.parse(text).first();
        assertThat(calendar).isNotNull();
        // biweekly keeps a VTIMEZONE apart from the components, so it counts a feed without events as
        // componentless (its warning 4); RFC 5545 counts the VTIMEZONE that the feed always has.
        List<String> warnings = calendar.validate(ICalVersion.V2_0).getWarnings().stream()
                .flatMap(group -> group.getWarnings().stream())
                .filter(w -> !(calendar.getEvents().isEmpty() && Integer.valueOf(4).equals(w.getCode())))
                .map(Object::toString).toList();
        assertThat(warnings).isEmpty();
        assertThat(text).contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai");
        return calendar;
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
    }

    @Test
    void theFeedHoldsTheOwnersFollowUpsVisitsAndCommitmentsWithStableUids() throws Exception {
        CurrentUser rep = users.newUser("feed", Role.REP, "rep1");
        String name = CustomerFixtures.uniqueName("日历;逗号,客户");
        long customer = fixtures.insert(name, "B", "INTENT", rep.id());
        Instant next = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(next), customer).update();
        long others = fixtures.customerOf("rep2", "别人的日历");
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(next), others).update();
        Instant planned = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long visit = fixtures.jdbc().sql("""
                INSERT INTO visit (customer_id, owner_id, planned_at, purpose, created_at)
                VALUES (?, ?, ?, '演示新版本', now()) RETURNING id
                """).params(customer, rep.id(), Timestamp.from(planned)).query(Long.class).single();
        LocalDate due = LocalDate.now(clock).plusDays(3);
        long commitment = fixtures.jdbc().sql("""
                INSERT INTO visit_commitment (visit_id, customer_id, owner_id, content, due_date, created_at)
                VALUES (?, ?, ?, '发送报价单', ?, now()) RETURNING id
                """).params(visit, customer, rep.id(), due).query(Long.class).single();

        String path = newFeed(rep);
        Map<String, VEvent> events = byUid(fetch(path));
        VEvent followUp = events.get("customer-" + customer + "-next-follow-up@tidecrm");
        assertThat(followUp).isNotNull();
        assertThat(followUp.getSummary().getValue()).contains(name);
        assertThat(followUp.getDateStart().getValue().toInstant()).isEqualTo(next);
        assertThat(events.get("visit-" + visit + "@tidecrm").getDateStart().getValue().toInstant()).isEqualTo(planned);
        VEvent promise = events.get("commitment-" + commitment + "@tidecrm");
        assertThat(promise.getDateStart().getValue().hasTime()).isFalse();
        assertThat(promise.getDescription().getValue()).isEqualTo("发送报价单");
        assertThat(events.keySet()).noneMatch(uid -> uid.contains("customer-" + others + "-"));

        // The follow-up moves: the same UID, a new time, so a phone updates the event.
        Instant later = next.plus(Duration.ofDays(1));
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(later), customer).update();
        Map<String, VEvent> again = byUid(fetch(path));
        assertThat(again.get("customer-" + customer + "-next-follow-up@tidecrm").getDateStart().getValue().toInstant())
                .isEqualTo(later);
        assertThat(again.keySet()).isEqualTo(events.keySet());
    }

    @Test
    void aNewAddressReplacesTheOldOneAndAnUnknownOneIs404() throws Exception {
        CurrentUser rep = users.newUser("feed2", Role.REP, "rep1");
        String old = newFeed(rep);
        fetch(old);
        String renewed = newFeed(rep);
        assertThat(renewed).isNotEqualTo(old);
        mvc.perform(get(old)).andExpect(status().isNotFound());
        fetch(renewed);
        mvc.perform(get("/api/calendar/cal_nosuchfeed.ics")).andExpect(status().isNotFound());
        mvc.perform(post("/account/calendar/remove").with(users.as(rep.getUsername())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(renewed)).andExpect(status().isNotFound());
    }
}
