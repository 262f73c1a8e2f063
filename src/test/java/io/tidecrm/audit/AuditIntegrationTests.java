package io.tidecrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.tidecrm.customer.CustomerOwnerChanged;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.RuleChanged;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

@IntegrationTest
class AuditIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UserManagement userManagement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Test
    void signInIsRecordedOnceWithTheUserAndTheClientAddress() throws Exception {
        UserSummary rep1 = userManagement.findByUsername("rep1").orElseThrow();
        long last = lastId();
        mvc.perform(formLogin("/login").user("rep1").password(TestUsers.DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
        List<Map<String, Object>> rows = entriesAfter(last);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("kind", "SIGN_IN").containsEntry("actor_id", rep1.id())
                .containsEntry("actor_name", "rep1").containsEntry("details", "method=password")
                .containsEntry("client_address", "127.0.0.1");
    }

    @Test
    void rememberMeSignInIsRecordedAsSuch() throws Exception {
        Cookie rememberMe = mvc.perform(post("/login").with(csrf()).param("username", "rep2")
                        .param("password", TestUsers.DEMO_PASSWORD).param("remember-me", "on"))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("remember-me");
        long last = lastId();
        mvc.perform(get("/").cookie(rememberMe)).andExpect(status().isOk());
        assertThat(entriesAfter(last)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("kind", "SIGN_IN").containsEntry("actor_name", "rep2")
                .containsEntry("details", "method=remember-me"));
    }

    @Test
    void failedSignInsAreRecordedWithTheTypedNameButNeverThePassword() throws Exception {
        String password = "Wrong#Secret-" + System.nanoTime();
        String ghost = "ghost-" + System.nanoTime();
        long last = lastId();
        mvc.perform(formLogin("/login").user("rep2").password(password)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(ghost).password(password)).andExpect(redirectedUrl("/login?error"));

        List<Map<String, Object>> rows = entriesAfter(last);
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("kind", "SIGN_IN_FAILED")
                .containsEntry("actor_id", null).containsEntry("details", "BadCredentialsException"));
        assertThat(rows).extracting(row -> row.get("subject")).containsExactly("rep2", ghost);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE audit_event::text LIKE ?")
                .param("%" + password + "%").query(Long.class).single()).isZero();
    }

    @Test
    void throttledSignInIsRecordedAndALongNameIsCut() throws Exception {
        String name = "t".repeat(150) + System.nanoTime();
        long last = lastId();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(name).password("x"));
        }
        mvc.perform(formLogin("/login").user(name).password("x")).andExpect(redirectedUrl("/login?throttled"));
        List<Map<String, Object>> rows = entriesAfter(last);
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).containsEntry("subject", name.substring(0, 100)));
        assertThat(rows).extracting(row -> row.get("details")).containsExactly("BadCredentialsException",
                "BadCredentialsException", "BadCredentialsException", "BadCredentialsException",
                "LoginThrottledException", "LoginThrottledException");
    }

    @Test
    void ownerChangeIsRecordedInTheTransactionOfTheChange() {
        UserSummary manager = userManagement.findByUsername("manager1").orElseThrow();
        UserSummary rep1 = userManagement.findByUsername("rep1").orElseThrow();
        UserSummary rep2 = userManagement.findByUsername("rep2").orElseThrow();
        CustomerOwnerChanged change = new CustomerOwnerChanged(4711, "宁波远洋物流", rep1.id(), rep2.id(), manager.id(),
                OwnerChangeKind.TRANSFERRED, "张伟调岗", clock.instant());
        long last = lastId();
        // As in the nightly job: no request, so no client address.
        RequestContextHolder.resetRequestAttributes();
        transaction.executeWithoutResult(status -> {
            events.publishEvent(change);
            status.setRollbackOnly();
        });
        assertThat(entriesAfter(last)).as("rolled back with the change").isEmpty();

        transaction.executeWithoutResult(status -> events.publishEvent(change));
        assertThat(entriesAfter(last)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("kind", "OWNER_CHANGED").containsEntry("actor_id", manager.id())
                .containsEntry("actor_name", "manager1").containsEntry("subject", "宁波远洋物流 (#4711)")
                .containsEntry("details", "kind=TRANSFERRED from=rep1(#" + rep1.id() + ") to=rep2(#" + rep2.id()
                        + ") reason=张伟调岗")
                .containsEntry("client_address", null));

        transaction.executeWithoutResult(status -> events.publishEvent(new CustomerOwnerChanged(4712, "回收客户",
                rep1.id(), null, null, OwnerChangeKind.RECLAIMED, null, clock.instant())));
        assertThat(entriesAfter(last)).last().satisfies(row -> assertThat(row).containsEntry("actor_name", null)
                .containsEntry("details", "kind=RECLAIMED from=rep1(#" + rep1.id() + ") to=-"));
    }

    @Test
    void ruleChangeIsRecorded() {
        UserSummary admin = userManagement.findByUsername("admin").orElseThrow();
        long last = lastId();
        transaction.executeWithoutResult(status -> events.publishEvent(
                new RuleChanged("pool.reclaimDays", "30", "45", admin.id(), clock.instant())));
        assertThat(entriesAfter(last)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("kind", "RULE_CHANGED").containsEntry("actor_name", "admin")
                .containsEntry("subject", "pool.reclaimDays").containsEntry("details", "30 → 45"));
    }

    @Test
    void nobodyCanChangeOrDeleteTheLogNotEvenWithPlainSql() throws Exception {
        mvc.perform(formLogin("/login").user("rep3").password(TestUsers.DEMO_PASSWORD));
        long count = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThat(count).isPositive();
        for (String sql : List.of("UPDATE audit_event SET details = 'rewritten'",
                "UPDATE audit_event SET kind = 'X' WHERE id = -1",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event")) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit_event is append-only")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(count);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE details = 'rewritten'").query(Long.class).single())
                .isZero();
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        mvc.perform(get("/admin/audit").with(users.as("rep1"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(users.as("manager1"))).andExpect(status().isForbidden());
        mvc.perform(formLogin("/login").user("manager2").password(TestUsers.DEMO_PASSWORD));
        mvc.perform(get("/admin/audit").with(users.as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("审计日志")))
                .andExpect(content().string(Matchers.containsString("manager2")))
                .andExpect(content().string(Matchers.containsString("method=password")));
    }

    @Test
    void filtersByKindAndActorKeepTheirValues() throws Exception {
        mvc.perform(formLogin("/login").user("rep4").password(TestUsers.DEMO_PASSWORD));
        mvc.perform(formLogin("/login").user("rep4").password("wrong-one"));
        String failed = page("kind", "SIGN_IN_FAILED");
        assertThat(failed).contains("data-kind=\"SIGN_IN_FAILED\"").doesNotContain("data-kind=\"SIGN_IN\"")
                .contains("<option value=\"SIGN_IN_FAILED\" selected=\"selected\">");
        String rep4 = page("actor", "REP4");
        assertThat(rep4).contains("data-kind=\"SIGN_IN\"").doesNotContain("data-kind=\"SIGN_IN_FAILED\"")
                .contains("value=\"REP4\"");
        assertThat(actorsIn(rep4)).containsOnly("rep4");
    }

    @Test
    void dateRangeIsReckonedInTheBusinessZone() throws Exception {
        // 00:30 on 16 March in Shanghai is still 15 March in UTC.
        clock.setInstant(LocalDateTime.of(2011, 3, 16, 0, 30).atZone(SHANGHAI).toInstant());
        mvc.perform(formLogin("/login").user("rep1").password(TestUsers.DEMO_PASSWORD));
        assertThat(page("from", "2011-03-16", "to", "2011-03-16")).contains("2011-03-16 00:30:").contains("rep1");
        assertThat(page("from", "2011-03-15", "to", "2011-03-15")).contains("id=\"no-entries\"");
        assertThat(page("from", "2011-03-17")).doesNotContain("2011-03-16 00:30:");
        assertThat(page("to", "2011-03-16")).contains("2011-03-16 00:30:");
    }

    @Test
    void malformedFilterShowsEverythingWithAMessage() throws Exception {
        assertThat(page("from", "not-a-date")).contains("地址中的筛选条件无效").contains("id=\"audit\"");
    }

    @Test
    void pagingByKeyKeepsTheFilters() throws Exception {
        UserSummary admin = userManagement.findByUsername("admin").orElseThrow();
        clock.setInstant(LocalDateTime.of(2003, 5, 1, 9, 0).atZone(SHANGHAI).toInstant());
        for (int i = 1; i <= 55; i++) {
            clock.advance(Duration.ofMinutes(1));
            RuleChanged change = new RuleChanged("test.rule." + i, "old", "new", admin.id(), clock.instant());
            transaction.executeWithoutResult(status -> events.publishEvent(change));
        }
        String first = page("kind", "RULE_CHANGED", "from", "2003-05-01", "to", "2003-05-01");
        assertThat(first).contains("test.rule.55").doesNotContain("test.rule.5<").contains("id=\"next-page\"");
        assertThat(count(first, "data-kind=")).isEqualTo(50);
        String olderHref = first.replaceFirst("(?s).*href=\"([^\"]+)\" id=\"next-page\".*", "$1").replace("&amp;", "&");
        assertThat(olderHref).startsWith("/admin/audit?kind=RULE_CHANGED&from=2003-05-01&to=2003-05-01&cursor=");

        String second = mvc.perform(get(olderHref).with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(count(second, "data-kind=")).isEqualTo(5);
        assertThat(second).contains("test.rule.5<").contains("test.rule.1<").doesNotContain("test.rule.6<")
                .contains("id=\"first-page\"").doesNotContain("id=\"next-page\"");
    }

    @Test
    void aNameWithControlCharactersCannotDodgeTheLog() throws Exception {
        String name = "evil\u0000name-" + System.nanoTime();
        long last = lastId();
        mvc.perform(formLogin("/login").user(name).password("x")).andExpect(redirectedUrl("/login?error"));
        assertThat(entriesAfter(last)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("kind", "SIGN_IN_FAILED").containsEntry("subject", name.replace('\u0000', ' ')));
    }

    @Test
    void typedNamesAreShownAsText() throws Exception {
        mvc.perform(formLogin("/login").user("<script>alert(1)</script>").password("x"));
        assertThat(page("kind", "SIGN_IN_FAILED")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
    }

    private String page(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/admin/audit").with(users.as("admin"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> actorsIn(String html) {
        Matcher m = Pattern.compile("<tr id=\"audit-\\d+\" data-kind=\"[A-Z_]+\">\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>")
                .matcher(html);
        List<String> actors = new ArrayList<>();
        while (m.find()) {
            actors.add(m.group(1));
        }
        return actors;
    }

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    private List<Map<String, Object>> entriesAfter(long id) {
        return jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id").param(id).query().listOfRows();
    }
}
