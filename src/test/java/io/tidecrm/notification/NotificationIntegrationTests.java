package io.tidecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.followup.FollowUpRecorded;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationIntegrationTests {

    /** Ids for the customers and follow-ups of these tests (their modules do not exist on this branch). */
    private static final AtomicLong IDS = new AtomicLong(900_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UserManagement userManagement;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Deliveries deliveries;

    @Test
    void followUpNotifiesEachNamedColleagueOnceAndNeverTheAuthor() throws Exception {
        UserSummary author = user("rep1");
        UserSummary rep2 = user("rep2");
        UserSummary manager = user("manager1");
        long authorBefore = notifications.unreadCount(author.id());
        long rep2Before = notifications.unreadCount(rep2.id());
        long managerBefore = notifications.unreadCount(manager.id());

        long customerId = IDS.incrementAndGet();
        publishFollowUp(author, customerId, "杭州云帆科技有限公司", "客户同意下周试用，报价 5,000 元", rep2.id(), manager.id(), author.id());

        assertThat(notifications.unreadCount(author.id())).isEqualTo(authorBefore);
        assertThat(notifications.unreadCount(rep2.id())).isEqualTo(rep2Before + 1);
        assertThat(notifications.unreadCount(manager.id())).isEqualTo(managerBefore + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = ?").param("/customers/" + customerId)
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(get("/notifications").with(users.as("rep2")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("unreadNotifications", rep2Before + 1))
                .andExpect(content().string(Matchers.containsString(
                        "张伟 在 杭州云帆科技有限公司 的跟进记录中提醒了您：客户同意下周试用，报价 5,000 元")))
                .andExpect(content().string(Matchers.containsString("href=\"/customers/" + customerId + "\"")));
        mvc.perform(get("/notifications").param("lang", "en").with(users.as("rep2")))
                .andExpect(content().string(Matchers.containsString(
                        "张伟 mentioned you in a follow-up of 杭州云帆科技有限公司: 客户同意下周试用，报价 5,000 元")));
    }

    @Test
    void everyPageCarriesTheUnreadCountOfTheSignedInUser() throws Exception {
        UserSummary rep3 = user("rep3");
        publishFollowUp(user("manager2"), IDS.incrementAndGet(), "深圳海川贸易", "请跟进", rep3.id());
        mvc.perform(get("/").with(users.as("rep3")))
                .andExpect(model().attribute("unreadNotifications", notifications.unreadCount(rep3.id())));
        mvc.perform(get("/login")).andExpect(model().attribute("unreadNotifications", 0L));
    }

    @Test
    void markingReadLowersTheCountButOnlyForTheRecipient() throws Exception {
        UserSummary rep2 = user("rep2");
        long id = mention("rep1", rep2, "看一下报价");
        long before = notifications.unreadCount(rep2.id());

        // Someone else's notification answers like one that does not exist, and stays unread.
        mvc.perform(post("/notifications/{id}/read", id).with(users.as("rep3")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/{id}/read", Long.MAX_VALUE).with(users.as("rep2")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(isRead(id)).isFalse();
        assertThat(notifications.unreadCount(rep2.id())).isEqualTo(before);

        mvc.perform(post("/notifications/{id}/read", id).with(users.as("rep2")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("flash", new FlashMessage("success", "notification.markedRead", List.of())));
        assertThat(isRead(id)).isTrue();
        assertThat(notifications.unreadCount(rep2.id())).isEqualTo(before - 1);

        // Marking it again changes nothing and is no error.
        mvc.perform(post("/notifications/{id}/read", id).with(users.as("rep2")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notifications.unreadCount(rep2.id())).isEqualTo(before - 1);
    }

    @Test
    void htmxMarkReadAnswersWithTheLineAndTheBadge() throws Exception {
        UserSummary rep4 = user("rep4");
        long id = mention("rep3", rep4, "htmx");
        long before = notifications.unreadCount(rep4.id());
        String body = mvc.perform(post("/notifications/{id}/read", id).header("HX-Request", "true")
                        .with(users.as("rep4")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("id=\"notification-" + id + "\"").doesNotContain("list-group-item-primary")
                .contains("id=\"nav-notifications\"").contains("hx-swap-oob=\"true\"");
        if (before > 1) {
            assertThat(body).contains(">" + Math.min(before - 1, 99));
        } else {
            assertThat(body).doesNotContain("unread-badge");
        }
        assertThat(isRead(id)).isTrue();
    }

    @Test
    void readAllMarksEverythingUpToTheNewestTheReaderSaw() throws Exception {
        UserSummary manager2 = user("manager2");
        long seen = mention("rep3", manager2, "一");
        mention("rep3", manager2, "二");

        mvc.perform(post("/notifications/read-all").param("upTo", Long.toString(seen))
                        .with(users.as("manager2")).with(csrf()))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(notifications.unreadCount(manager2.id())).isEqualTo(1);

        Cookie session = mvc.perform(post("/notifications/read-all").with(users.as("manager2")).with(csrf()))
                .andExpect(flash().attribute("flash",
                        new FlashMessage("success", "notification.allMarkedRead", List.of("1"))))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(notifications.unreadCount(manager2.id())).isZero();
        // The page the redirect lands on shows the message with its argument filled in.
        mvc.perform(get("/notifications").cookie(session).with(users.as("manager2")))
                .andExpect(content().string(Matchers.containsString("已将 1 条通知标为已读。")));
    }

    @Test
    void inboxIsPagedByKeyNewestFirst() throws Exception {
        UserSummary admin = user("admin");
        UserSummary author = user("manager1");
        long customerId = IDS.incrementAndGet();
        for (int i = 1; i <= 23; i++) {
            publishFollowUp(author, customerId, "分页测试客户", "第 " + i + " 条", admin.id());
        }
        String first = mvc.perform(get("/notifications").with(users.as("admin")))
                .andReturn().getResponse().getContentAsString();
        List<Long> firstIds = notificationIds(first);
        assertThat(firstIds).hasSize(20).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(first).contains("第 23 条").contains("href=\"/notifications?cursor=" + firstIds.get(19) + "\"");

        String second = mvc.perform(get("/notifications").param("cursor", Long.toString(firstIds.get(19)))
                        .with(users.as("admin")))
                .andReturn().getResponse().getContentAsString();
        List<Long> secondIds = notificationIds(second);
        assertThat(secondIds).isNotEmpty().allMatch(id -> id < firstIds.get(19));
        assertThat(second).contains("第 3 条").contains("href=\"/notifications\"");

        // An old bookmark's "before" opens the same page.
        String old = mvc.perform(get("/notifications").param("before", Long.toString(firstIds.get(19)))
                        .with(users.as("admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(notificationIds(old)).isEqualTo(secondIds);
    }

    @Test
    void aPagePositionThatIsNotAnIdOpensTheFirstPage() throws Exception {
        UserSummary rep3 = user("rep3");
        publishFollowUp(user("manager2"), IDS.incrementAndGet(), "游标测试客户", "游标", rep3.id());
        for (String[] param : new String[][] {{"before", "abc"}, {"cursor", "abc"}, {"cursor", "-1"}, {"before", ""},
                {"cursor", "99999999999999999999999"}}) {
            String body = mvc.perform(get("/notifications").param(param[0], param[1]).with(users.as("rep3")))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(param[0] + "=" + param[1]).contains("游标测试客户");
        }
    }

    @Test
    void excerptIsShownAsTextNotMarkup() throws Exception {
        UserSummary rep1 = user("rep1");
        publishFollowUp(user("rep2"), IDS.incrementAndGet(), "<b>恶意客户</b>", "<script>alert(1)</script>", rep1.id());
        mvc.perform(get("/notifications").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(Matchers.containsString("&lt;b&gt;恶意客户&lt;/b&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
    }

    @Test
    void transferOrAssignmentNotifiesTheNewOwner() throws Exception {
        UserSummary manager = user("manager1");
        UserSummary rep1 = user("rep1");
        long before = notifications.unreadCount(rep1.id());
        long customerId = IDS.incrementAndGet();
        publish(new CustomerOwnerChanged(customerId, "宁波远洋物流", user("rep2").id(), rep1.id(), manager.id(),
                OwnerChangeKind.TRANSFERRED, "李娜休产假，客户由张伟接手", clock.instant()));
        publish(new CustomerOwnerChanged(IDS.incrementAndGet(), "温州精工", null, rep1.id(), manager.id(),
                OwnerChangeKind.ASSIGNED, null, clock.instant()));
        assertThat(notifications.unreadCount(rep1.id())).isEqualTo(before + 2);
        mvc.perform(get("/notifications").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("客户 宁波远洋物流 已转移给您，原因：李娜休产假，客户由张伟接手")))
                .andExpect(content().string(Matchers.containsString("公海客户 温州精工 已分配给您。")))
                .andExpect(content().string(Matchers.containsString("href=\"/customers/" + customerId + "\"")));
    }

    @Test
    void otherOwnerChangesNotifyNobody() {
        UserSummary rep1 = user("rep1");
        long total = jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single();
        publish(new CustomerOwnerChanged(IDS.incrementAndGet(), "新建客户", null, rep1.id(), rep1.id(), OwnerChangeKind.CREATED,
                null, clock.instant()));
        publish(new CustomerOwnerChanged(IDS.incrementAndGet(), "抢到的客户", null, rep1.id(), rep1.id(), OwnerChangeKind.GRABBED,
                null, clock.instant()));
        publish(new CustomerOwnerChanged(IDS.incrementAndGet(), "回收的客户", rep1.id(), null, null, OwnerChangeKind.RECLAIMED,
                null, clock.instant()));
        // A manager who transfers a customer to themselves is not told about it.
        UserSummary manager = user("manager1");
        publish(new CustomerOwnerChanged(IDS.incrementAndGet(), "自己接手", rep1.id(), manager.id(), manager.id(),
                OwnerChangeKind.TRANSFERRED, "接手", clock.instant()));
        assertThat(jdbc.sql("SELECT count(*) FROM notification").query(Long.class).single()).isEqualTo(total);
    }

    @Test
    void notificationRollsBackWithTheFact() {
        UserSummary rep2 = user("rep2");
        long before = notifications.unreadCount(rep2.id());
        transaction.executeWithoutResult(status -> {
            events.publishEvent(followUp(user("rep1"), IDS.incrementAndGet(), "回滚客户", "不会保存", rep2.id()));
            status.setRollbackOnly();
        });
        deliveries.awaitAll();
        assertThat(notifications.unreadCount(rep2.id())).isEqualTo(before);
    }

    /** A follow-up that names one colleague; answers the id of their new notification. */
    private long mention(String author, UserSummary recipient, String excerpt) {
        publishFollowUp(user(author), IDS.incrementAndGet(), "东莞恒达精密", excerpt, recipient.id());
        return newestId(recipient.id());
    }

    private void publishFollowUp(UserSummary author, long customerId, String customerName, String excerpt,
            Long... notify) {
        publish(followUp(author, customerId, customerName, excerpt, notify));
    }

    private FollowUpRecorded followUp(UserSummary author, long customerId, String customerName, String excerpt,
            Long... notify) {
        return new FollowUpRecorded(IDS.incrementAndGet(), customerId, customerName, author.id(), author.displayName(),
                author.teamId(), "PHONE", Set.of(notify), clock.instant(), LocalDate.now(clock), excerpt, false);
    }

    /**
     * Publishes as the owning module does, inside the transaction that saves the fact, and waits
     * for the listeners that run after its commit.
     */
    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
        deliveries.awaitAll();
    }

    private UserSummary user(String username) {
        return userManagement.findByUsername(username).orElseThrow();
    }

    private long newestId(long userId) {
        return jdbc.sql("SELECT max(id) FROM notification WHERE recipient_id = ?").param(userId).query(Long.class).single();
    }

    private boolean isRead(long id) {
        return jdbc.sql("SELECT read_at IS NOT NULL FROM notification WHERE id = ?").param(id).query(Boolean.class).single();
    }

    private static List<Long> notificationIds(String html) {
        Matcher m = Pattern.compile("id=\"notification-(\\d+)\"").matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
