package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * No N+1: the customer list and the customer page run as many SQL statements for a short list
 * as for a long one. Statements are counted at the JDBC level (datasource-proxy) during one
 * MockMvc request; the counting DataSource exists only in this class's own application context.
 */
@IntegrationTest
@Import(StatementCountIntegrationTests.StatementCounting.class)
class StatementCountIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    StatementCounter statements;

    @Autowired
    Clock clock;

    @Test
    void customerListRunsAsManyStatementsForFortyCustomersAsForFive() throws Exception {
        CurrentUser few = users.newUser("stmt-few", Role.REP, "rep1");
        CurrentUser many = users.newUser("stmt-many", Role.REP, "rep1");
        giveCustomers(few, 5);
        giveCustomers(many, 40);

        request("/customers", few); // warm-up: first-request work is not what is measured
        Request fewRows = request("/customers", few);
        Request manyRows = request("/customers", many);

        assertThat(fewRows.html()).contains("列表客户" + few.id() + "-5");
        // A full page (20 rows of 40) with a link to the next one.
        assertThat(rowsOf(manyRows.html(), "列表客户" + many.id() + "-")).isEqualTo(20);
        assertThat(manyRows.html()).contains("cursor=");
        assertSameStatementCount(fewRows, manyRows);
    }

    @Test
    void customerPageRunsAsManyStatementsForThirtyFollowUpsAsForTwo() throws Exception {
        CurrentUser rep = users.newUser("stmt-followups", Role.REP, "rep1");
        long twoFollowUps = customerWithContacts(rep, 2);
        long thirtyFollowUps = customerWithContacts(rep, 2);
        // The short timeline uses every feature of the long one (another author, a contact, a
        // colleague to notify, a correction), so that the same lookups run for both.
        addFollowUps(twoFollowUps, rep, 2);
        addFollowUps(thirtyFollowUps, rep, 30);

        request("/customers/" + twoFollowUps, rep);
        Request shortTimeline = request("/customers/" + twoFollowUps, rep);
        Request longTimeline = request("/customers/" + thirtyFollowUps, rep);

        assertThat(shortTimeline.html()).contains("跟进内容 2 ").doesNotContain("load-more");
        // The first page of the timeline (10 entries) and a link to the next one.
        assertThat(longTimeline.html()).contains("跟进内容 30 ", "跟进内容 21 ", "load-more").doesNotContain("跟进内容 20 ");
        assertSameStatementCount(shortTimeline, longTimeline);
    }

    @Test
    void customerPageRunsAsManyStatementsForEightContactsAsForOne() throws Exception {
        CurrentUser rep = users.newUser("stmt-contacts", Role.REP, "rep1");
        long oneContact = customerWithContacts(rep, 1);
        long eightContacts = customerWithContacts(rep, 8);
        addFollowUps(oneContact, rep, 3);
        addFollowUps(eightContacts, rep, 3);

        request("/customers/" + oneContact, rep);
        Request fewContacts = request("/customers/" + oneContact, rep);
        Request manyContacts = request("/customers/" + eightContacts, rep);

        assertThat(manyContacts.html()).contains("联系人" + eightContacts + "-1", "联系人" + eightContacts + "-8");
        assertSameStatementCount(fewContacts, manyContacts);
    }

    @Test
    void leaderboardRunsAsManyStatementsForThirtyRepsAsForTwo() throws Exception {
        CurrentUser smallManager = users.newManagerOfNewTeam("stmt-small");
        CurrentUser largeManager = users.newManagerOfNewTeam("stmt-large");
        for (int i = 0; i < 2; i++) {
            users.newUser("stmt-s" + i, Role.REP, smallManager.getUsername());
        }
        for (int i = 0; i < 30; i++) {
            users.newUser("stmt-l" + i, Role.REP, largeManager.getUsername());
        }
        String path = "/leaderboard?board=PAYMENTS&period=MONTH&team=";

        request(path + smallManager.teamId(), smallManager); // warm-up
        Request small = request(path + smallManager.teamId(), smallManager);
        Request large = request(path + largeManager.teamId(), largeManager);

        assertThat(rowsOf(large.html(), "id=\"rank-")).isEqualTo(30);
        assertSameStatementCount(small, large);
    }


    // --- per request: one read-only transaction, no lookup repeated, each row once (issue 14)

    @Test
    void customerListRunsTheSameStatementsInOneTransactionForPageSizesTwentyFiftyAndHundred() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("stmt-size");
        CurrentUser rep = users.newUser("stmt-size-rep", Role.REP, manager.getUsername());
        giveCustomers(rep, 60);
        giveCustomers(manager, 60);

        request("/customers?size=20", manager); // warm-up
        List<Request> pages = new ArrayList<>();
        for (int size : List.of(20, 50, 100)) {
            Request page = request("/customers?size=" + size, manager);
            assertThat(customerIdsLinked(page.html())).as("rows of a page of %d", size).isEqualTo(size);
            assertThat(page.transactions()).as("transactions of a page of %d: %s", size, page.transactionLog())
                    .isEqualTo(1);
            pages.add(page);
        }
        assertSameStatementCount(pages.get(0), pages.get(1));
        assertSameStatementCount(pages.get(0), pages.get(2));
    }

    @Test
    void managersTeamIsLookedUpOncePerListRequest() throws Exception {
        CurrentUser manager = users.newManagerOfNewTeam("stmt-team");
        CurrentUser rep = users.newUser("stmt-team-rep", Role.REP, manager.getUsername());
        giveCustomers(rep, 3);

        request("/customers", manager);
        Request list = request("/customers", manager);

        // The list, its tag choices and its owner choices all need the team; it is read once.
        assertThat(list.sql().stream().filter(q -> q.matches("(?is).*manager_id\\s*=\\s*\\?.*")).count())
                .as("statements reading the manager's team:%n%s", listing(list))
                .isEqualTo(1);
    }

    @Test
    void customerPageReadsTheCustomerAndItsContactsOnceInOneTransaction() throws Exception {
        CurrentUser rep = users.newUser("stmt-once", Role.REP, "rep1");
        long id = customerWithContacts(rep, 3);
        addFollowUps(id, rep, 12);

        request("/customers/" + id, rep);
        Request page = request("/customers/" + id, rep);

        assertThat(page.transactions()).as("transactions: %s%n%s", page.transactionLog(), listing(page)).isEqualTo(1);
        assertThat(page.sql().stream().filter(q -> q.matches("(?is).*\\bfrom customer c?\\b.*")
                && !q.matches("(?is).*\\bjoin customer\\b.*")).count())
                .as("statements reading the customer row:%n%s", listing(page))
                .isEqualTo(1);
        assertThat(page.sql().stream().filter(q -> q.matches("(?is).*\\bfrom contact\\b.*")).count())
                .as("statements reading the contacts:%n%s", listing(page))
                .isEqualTo(1);
    }

    @Test
    void customerPageReadsTheServiceContactOnce() throws Exception {
        CurrentUser rep = users.newUser("stmt-contact", Role.REP, "rep1");
        long id = customerWithContacts(rep, 1);
        // A named service contact: the page shows the name and, to the owner, the choice preselected.
        jdbc().sql("INSERT INTO service_contact (customer_id, user_id, named, named_by_id, since) VALUES (?, ?, true, ?, ?)")
                .params(id, rep.id(), rep.id(), Timestamp.from(clock.instant())).update();

        request("/customers/" + id, rep);
        Request page = request("/customers/" + id, rep);

        assertThat(page.html()).contains(rep.displayName());
        assertThat(page.sql().stream().filter(q -> q.matches("(?is).*\\bfrom service_contact\\b.*")).count())
                .as("statements reading the service contact:%n%s", listing(page))
                .isEqualTo(1);
    }

    @Test
    void aSignedInPageDoesNotWriteTheSession() throws Exception {
        Cookie session = signIn("rep2");
        perform(get("/customers").cookie(session)); // the first page after sign-in may still settle the session

        Request again = perform(get("/customers").cookie(session));

        assertThat(again.sql()).as("statements of a page:%n%s", listing(again))
                .noneMatch(q -> q.matches("(?is)\\s*(update|insert|delete)\\b.*spring_session.*"));
    }

    @Test
    void staticAssetsTouchNeitherSessionNorDatabase() throws Exception {
        Cookie session = signIn("rep1");
        Request page = perform(get("/customers").cookie(session));
        Matcher css = Pattern.compile("/css/app-[0-9a-f]{32}\\.css").matcher(page.html());
        Matcher bootstrap = Pattern.compile("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css").matcher(page.html());
        assertThat(css.find()).as("the page links the stylesheet by its content hash").isTrue();
        assertThat(bootstrap.find()).as("and Bootstrap's").isTrue();

        for (String asset : List.of(css.group(), bootstrap.group(), "/js/app.js", "/favicon.svg")) {
            statements.start();
            var response = mvc.perform(get(asset).cookie(session)).andExpect(status().isOk()).andReturn().getResponse();
            statements.stop();
            assertThat(statements.recorded()).as("statements for %s", asset).isEmpty();
            assertThat(response.getCookie("SESSION")).as("no session cookie set by %s", asset).isNull();
        }
        assertThat(mvc.perform(get(css.group())).andReturn().getResponse().getHeader("Cache-Control"))
                .contains("max-age=31536000");
    }

    // --- helpers

    /**
     * One request: its page, its statements and, for each transaction it ended, the number of
     * statements run before that commit or rollback.
     */
    private record Request(String html, List<String> sql, List<Integer> transactionEnds) {

        /**
         * Transactions of the page itself: those that ran anything but Spring Session's own
         * statements (the session is read, and written when it changed, in transactions of its
         * own by the session filter, before and after the page).
         */
        long transactions() {
            long count = 0;
            int from = 0;
            for (int end : transactionEnds) {
                if (sql.subList(from, end).stream().anyMatch(q -> !q.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"))) {
                    count++;
                }
                from = end;
            }
            return count;
        }

        String transactionLog() {
            return "transactions ended after statements " + transactionEnds;
        }
    }

    /** Performs one GET as the user and returns the page and the statements it ran. */
    private Request request(String path, CurrentUser user) throws Exception {
        return perform(get(path).with(users.as(user.getUsername())));
    }

    private Request perform(RequestBuilder request) throws Exception {
        statements.start();
        String html;
        try {
            html = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        } finally {
            statements.stop();
        }
        return new Request(html, statements.recorded(), statements.transactions());
    }

    private Cookie signIn(String username) throws Exception {
        Cookie session = mvc.perform(formLogin("/login").user(username).password(TestUsers.DEMO_PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("the JDBC session cookie").isNotNull();
        return session;
    }

    /** The number of different customers the page links to. */
    private static long customerIdsLinked(String html) {
        return Pattern.compile("href=\"/customers/(\\d+)\"").matcher(html).results().map(m -> m.group(1)).distinct().count();
    }

    private static void assertSameStatementCount(Request small, Request large) {
        assertThat(small.sql()).as("statements were counted").isNotEmpty();
        assertThat(large.sql().size())
                .as("statements for the small case:%n%s%nand for the large case:%n%s", listing(small), listing(large))
                .isEqualTo(small.sql().size());
    }

    private static String listing(Request request) {
        return IntStream.range(0, request.sql().size())
                .mapToObj(i -> (i + 1) + ". " + request.sql().get(i).replaceAll("\\s+", " "))
                .collect(Collectors.joining("\n"));
    }

    private static int rowsOf(String html, String namePrefix) {
        return html.split(java.util.regex.Pattern.quote(namePrefix), -1).length - 1;
    }

    private void giveCustomers(CurrentUser owner, int count) {
        for (int i = 1; i <= count; i++) {
            long id = fixtures.insert("列表客户" + owner.id() + "-" + i + "号科技有限公司", i % 3 == 0 ? "B" : "C",
                    "FIRST_VISIT", owner.id());
            // Every column of the list filled in: tags, next and last follow-up.
            jdbc().sql("""
                    UPDATE customer SET tags = ARRAY['高意向', '标签' || :i], next_follow_up_at = :next,
                                        last_follow_up_at = :last, updated_at = updated_at + :i * interval '1 second'
                    WHERE id = :id
                    """)
                    .param("i", i)
                    .param("next", Timestamp.from(clock.instant().plus(Duration.ofHours(i - 3))))
                    .param("last", Timestamp.from(clock.instant().minus(Duration.ofDays(i))))
                    .param("id", id)
                    .update();
        }
    }

    private long customerWithContacts(CurrentUser owner, int contacts) {
        long id = fixtures.insert(CustomerFixtures.uniqueName("语句"), "C", "INTENT", owner.id());
        for (int i = 1; i <= contacts; i++) {
            fixtures.insertContact(id, "联系人" + id + "-" + i);
        }
        jdbc().sql("""
                INSERT INTO customer_owner_history (customer_id, previous_owner_id, new_owner_id, changed_by_id, kind,
                                                    changed_at)
                VALUES (:id, NULL, :owner, :owner, 'CREATED', :at)
                """)
                .param("id", id).param("owner", owner.id()).param("at", Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /**
     * Follow-ups straight into the append-only table (inserts are allowed), oldest first: they
     * alternate between the owner and a colleague as author, every other one names a contact,
     * every third notifies two colleagues, and the last one corrects the one before it.
     */
    private void addFollowUps(long customerId, CurrentUser owner, int count) {
        long colleague = fixtures.userId("rep1");
        long manager = fixtures.userId("manager1");
        List<Long> contactIds = jdbc().sql("SELECT id FROM contact WHERE customer_id = ? ORDER BY id")
                .param(customerId).query(Long.class).list();
        Instant start = clock.instant().minus(Duration.ofHours(count + 1L));
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean correction = i == count && count > 1;
            Instant at = start.plus(Duration.ofHours(i));
            long id = jdbc().sql("""
                    INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content, contact_id,
                                           new_status, next_follow_up_at, corrects_id)
                    VALUES (:customer, :author, :kind, :at, :at, :content, :contact, :status, :next, :corrects)
                    RETURNING id
                    """)
                    .param("customer", customerId)
                    .param("author", i % 2 == 0 ? colleague : owner.id())
                    .param("kind", i % 2 == 0 ? "WECHAT" : "PHONE")
                    .param("at", Timestamp.from(at))
                    .param("content", "跟进内容 " + i + " ：沟通了试用情况")
                    .param("contact", i % 2 == 1 ? contactIds.get(i / 2 % contactIds.size()) : null)
                    .param("status", i % 5 == 0 ? "INTENT" : null)
                    .param("next", Timestamp.from(at.plus(Duration.ofDays(3))))
                    .param("corrects", correction ? ids.get(ids.size() - 1) : null)
                    .query(Long.class)
                    .single();
            ids.add(id);
            if (i % 3 == 1) {
                for (long user : List.of(manager, colleague)) {
                    jdbc().sql("INSERT INTO follow_up_notify (follow_up_id, user_id) VALUES (?, ?)")
                            .params(id, user).update();
                }
            }
        }
    }

    private JdbcClient jdbc() {
        return fixtures.jdbc();
    }

    /** Wraps the application's DataSource so that the statements of one request can be counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StatementCounting {

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    /**
     * Records the SQL executed on the recording thread (the test's, where MockMvc runs the
     * request) between {@link #start()} and {@link #stop()}; statements of other threads, such
     * as the Quartz scheduler's, are not counted.
     */
    static final class StatementCounter implements BeanPostProcessor {

        private final List<String> sql = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> transactions = Collections.synchronizedList(new ArrayList<>());
        private volatile Thread recording;

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                return ProxyDataSourceBuilder.create(dataSource)
                        .name("statement-count")
                        .afterQuery((execution, queries) -> {
                            if (Thread.currentThread() == recording) {
                                sql.add(queries.stream().map(q -> q.getQuery()).collect(Collectors.joining("; ")));
                            }
                        })
                        .afterMethod(call -> {
                            String method = call.getMethod().getName();
                            if (Thread.currentThread() == recording && (method.equals("commit") || method.equals("rollback"))) {
                                transactions.add(sql.size());
                            }
                        })
                        .build();
            }
            return bean;
        }

        void start() {
            sql.clear();
            transactions.clear();
            recording = Thread.currentThread();
        }

        void stop() {
            recording = null;
        }

        List<String> recorded() {
            return List.copyOf(sql);
        }

        List<Integer> transactions() {
            return List.copyOf(transactions);
        }
    }
}
