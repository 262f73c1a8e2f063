package io.tidecrm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class FollowUpIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MutableClock clock;

    CurrentUser rep;
    long customerId;

    @BeforeEach
    void aRepWithACustomer() {
        // A fixed "now" on a minute boundary, so that form times (minutes) compare exactly.
        clock.setInstant(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        rep = users.newUser("follower", Role.REP, "rep1");
        customerId = fixtures.insert(CustomerFixtures.uniqueName("跟进"), "B", "FIRST_VISIT", rep.id());
        fixtures.jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(3))), customerId).update();
    }

    @Test
    void followUpTimeMayNotBeInTheFutureNorMoreThan24HoursBack() throws Exception {
        write(local(Duration.ofMinutes(-1)), "未来的记录", null)
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("跟进时间不能晚于现在")))
                .andExpect(content().string(Matchers.containsString("未来的记录")));
        write(local(Duration.ofHours(24).plusMinutes(1)), "太久以前", null)
                .andExpect(content().string(Matchers.containsString("须在接触客户后 24 小时内填写")));
        write(local(Duration.ofHours(24)), "正好 24 小时", null).andExpect(status().is3xxRedirection());
        write(local(Duration.ZERO), "刚刚", null).andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM follow_up WHERE customer_id = ?")).isEqualTo(2);
    }

    @Test
    void aFollowUpMovesTheClockForwardOnlyAndSetsStatusAndNextTime() throws Exception {
        write(local(Duration.ofHours(1)), "一小时前通话", "INTENT").andExpect(status().is3xxRedirection());
        Instant oneHourAgo = clock.instant().minus(Duration.ofHours(1));
        assertThat(instant("SELECT clock_at FROM customer WHERE id = ?")).isEqualTo(oneHourAgo);
        assertThat(count("SELECT count(*) FROM customer WHERE id = ? AND status = 'INTENT'")).isEqualTo(1);

        // An older contact written later does not move the clock back.
        write(local(Duration.ofHours(5)), "五小时前的拜访", null).andExpect(status().is3xxRedirection());
        assertThat(instant("SELECT clock_at FROM customer WHERE id = ?")).isEqualTo(oneHourAgo);
        assertThat(instant("SELECT last_follow_up_at FROM customer WHERE id = ?")).isEqualTo(oneHourAgo);
        assertThat(count("SELECT count(*) FROM customer WHERE id = ? AND status = 'INTENT'")).isEqualTo(1);

        LocalDateTime next = LocalDateTime.ofInstant(clock.instant(), ZONE).plusDays(2);
        mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "WECHAT").param("occurredAt", local(Duration.ZERO)).param("content", "约下周演示")
                .param("nextFollowUpAt", next.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(instant("SELECT clock_at FROM customer WHERE id = ?")).isEqualTo(clock.instant());
        assertThat(instant("SELECT next_follow_up_at FROM customer WHERE id = ?")).isEqualTo(next.atZone(ZONE).toInstant());
    }

    @Test
    void aFollowUpCannotSetWonNorNameAnotherCustomersContactNorNotifyOutsiders() throws Exception {
        write(local(Duration.ZERO), "想设成交", "WON")
                .andExpect(content().string(Matchers.containsString("跟进记录不能将客户设为成交")));
        long foreignContact = fixtures.insertContact(
                fixtures.insert(CustomerFixtures.uniqueName("别人的"), "C", "INTENT", fixtures.userId("rep3")), "外人");
        mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "PHONE").param("occurredAt", local(Duration.ZERO)).param("content", "别人的联系人")
                .param("contactId", String.valueOf(foreignContact)))
                .andExpect(content().string(Matchers.containsString("请选择该客户的联系人")));
        mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "PHONE").param("occurredAt", local(Duration.ZERO)).param("content", "提醒外组")
                .param("notifyUserIds", String.valueOf(fixtures.userId("rep3"))))
                .andExpect(content().string(Matchers.containsString("只能提醒能查看该客户的同事")));
        assertThat(count("SELECT count(*) FROM follow_up WHERE customer_id = ?")).isZero();
    }

    @Test
    void notifiedColleaguesSeeTheFollowUpOnTheirToDoPageAndInbox() throws Exception {
        long manager = fixtures.userId("manager1");
        mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "VISIT").param("occurredAt", local(Duration.ZERO)).param("content", "请经理看一下报价")
                .param("notifyUserIds", String.valueOf(manager)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/todo").with(users.as("manager1")))
                .andExpect(content().string(Matchers.containsString("请经理看一下报价")));
        deliveries.awaitAll();
        assertThat(count("SELECT count(*) FROM notification WHERE recipient_id = " + manager
                + " AND link = '/customers/' || ?")).isEqualTo(1);
    }

    @Test
    void aCorrectionIsANewEntryLinkedToTheOriginalAndTheTimelineShowsBoth() throws Exception {
        write(local(Duration.ofHours(2)), "客户说预算十万", null).andExpect(status().is3xxRedirection());
        long original = count("SELECT max(id) FROM follow_up WHERE customer_id = ?");
        Instant clockBefore = instant("SELECT clock_at FROM customer WHERE id = ?");
        clock.advance(Duration.ofHours(1));
        mvc.perform(post("/customers/{c}/follow-ups/{f}/corrections", customerId, original)
                .with(users.as(rep.getUsername())).with(csrf()).header("HX-Request", "true")
                .param("content", "更正：客户说预算二十万"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("更正 #" + original)))
                .andExpect(content().string(Matchers.containsString("已被 #")))
                .andExpect(content().string(Matchers.containsString("客户说预算十万")))
                .andExpect(content().string(Matchers.containsString("更正：客户说预算二十万")));
        assertThat(count("SELECT count(*) FROM follow_up WHERE corrects_id = " + original + " AND customer_id = ?"))
                .isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT content FROM follow_up WHERE id = ?").param(original)
                .query(String.class).single()).isEqualTo("客户说预算十万");
        // Correcting old text is not following up: the clock stays.
        assertThat(instant("SELECT clock_at FROM customer WHERE id = ?")).isEqualTo(clockBefore);
    }

    @Test
    void savedFollowUpsCannotBeChangedOrDeletedEvenInSql() throws Exception {
        write(local(Duration.ZERO), "原始记录", null).andExpect(status().is3xxRedirection());
        long id = count("SELECT max(id) FROM follow_up WHERE customer_id = ?");
        assertThatThrownBy(() -> fixtures.jdbc().sql("UPDATE follow_up SET content = '篡改' WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> fixtures.jdbc().sql("DELETE FROM follow_up WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(mvc.perform(post("/customers/{c}/follow-ups/{f}", customerId, id).with(users.as(rep.getUsername()))
                .with(csrf()).param("content", "改")).andReturn().getResponse().getStatus()).isIn(404, 405);
    }

    @Test
    void htmxPostAnswersWithThePanelHoldingTheNewEntryAndAFreshForm() throws Exception {
        String panel = mvc.perform(post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername()))
                .with(csrf()).header("HX-Request", "true").param("kind", "PHONE").param("occurredAt", local(Duration.ZERO))
                .param("content", "htmx 写入的跟进"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("id=\"followup-panel\"", "id=\"followup-saved\"", "htmx 写入的跟进")
                .doesNotContain("<html").doesNotContain(">htmx 写入的跟进</textarea>".replace("</textarea>", "</textarea>x"));
        assertThat(panel).containsPattern("id=\"content\" name=\"content\"></textarea>");
    }

    @Test
    void timelineIsNewestFirstAndLoadsMoreInPages() throws Exception {
        for (int i = 0; i < 25; i++) {
            fixtures.jdbc().sql("""
                    INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                    VALUES (?, ?, 'PHONE', now(), now(), ?)
                    """).params(customerId, rep.id(), String.format("第%02d条", i)).update();
        }
        String first = mvc.perform(get("/customers/{id}", customerId).with(users.as(rep.getUsername())))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("第24条", "第15条").doesNotContain("第14条").contains("id=\"load-more\"");
        assertThat(first.indexOf("第24条")).isLessThan(first.indexOf("第15条"));
        String before = first.replaceAll("(?s).*follow-ups\\?cursor=(\\d+).*", "$1");
        String more = mvc.perform(get("/customers/{id}/follow-ups", customerId).param("before", before)
                .with(users.as(rep.getUsername()))).andReturn().getResponse().getContentAsString();
        assertThat(more).contains("第14条", "第05条").doesNotContain("第15条", "第04条", "<html");
    }

    @Test
    void todoListsCustomersDueTodayOrOverdueButNotLaterOnes() throws Exception {
        long overdue = fixtures.insert(CustomerFixtures.uniqueName("逾期待办"), "C", "INTENT", rep.id());
        long later = fixtures.insert(CustomerFixtures.uniqueName("下月待办"), "C", "INTENT", rep.id());
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(1))), overdue).update();
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(30))), later).update();
        String todo = mvc.perform(get("/todo").with(users.as(rep.getUsername()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(todo).contains("/customers/" + overdue + "\"").doesNotContain("/customers/" + later + "\"");
    }

    private ResultActions write(String occurredAt, String content, String newStatus) throws Exception {
        var request = post("/customers/{id}/follow-ups", customerId).with(users.as(rep.getUsername())).with(csrf())
                .param("kind", "PHONE").param("occurredAt", occurredAt).param("content", content);
        if (newStatus != null) {
            request.param("newStatus", newStatus);
        }
        return mvc.perform(request);
    }

    /** The form value for "now minus ago" in the business zone. */
    private String local(Duration ago) {
        return LocalDateTime.ofInstant(clock.instant().minus(ago), ZONE).toString();
    }

    private long count(String sql) {
        return fixtures.jdbc().sql(sql).param(customerId).query(Long.class).single();
    }

    private Instant instant(String sql) {
        return fixtures.jdbc().sql(sql).param(customerId).query(Timestamp.class).single().toInstant();
    }
}
