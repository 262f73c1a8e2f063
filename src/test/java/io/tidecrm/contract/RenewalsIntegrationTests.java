package io.tidecrm.contract;

import static io.tidecrm.contract.ContractTestSupport.body;
import static io.tidecrm.contract.ContractTestSupport.flashKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Renewals (续约): approved contracts whose service ends within 30, 60 or 90 days, the soonest first,
 * in the viewer's scope; one click creates the renewal opportunity with the contract's lines, once.
 */
@IntegrationTest
class RenewalsIntegrationTests {

    static final LocalDate TODAY = LocalDate.parse("2001-08-20");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    ContractTestSupport t;
    CatalogFixtures catalog;
    CurrentUser manager;
    CurrentUser rep;
    long customer;

    @BeforeEach
    void setUp() {
        t = new ContractTestSupport(mvc, users, fixtures);
        catalog = new CatalogFixtures(fixtures.jdbc());
        clock.setInstant(Instant.parse("2001-08-20T04:00:00Z")); // 12:00 in Shanghai
        manager = users.newManagerOfNewTeam("renewal-mgr");
        rep = users.newUser("renewal-rep", Role.REP, manager.getUsername());
        customer = fixtures.insert(CustomerFixtures.uniqueName("续约客户"), "A", "WON", rep.id());
    }

    /** An approved contract of the rep's customer whose service ends {@code days} after today. */
    long endingIn(String title, int days) throws Exception {
        return approved(withService(t.newContract(rep.getUsername(), customer, title, "1"), days));
    }

    static MockHttpServletRequestBuilder withService(MockHttpServletRequestBuilder form, int endsInDays) {
        LocalDate end = TODAY.plusDays(endsInDays);
        return form.param("serviceStart", end.minusYears(1).toString()).param("serviceEnd", end.toString());
    }

    long approved(MockHttpServletRequestBuilder form) throws Exception {
        long id = t.create(form);
        t.submit(rep.getUsername(), id).andExpect(status().is3xxRedirection());
        t.decide(manager.getUsername(), id, "APPROVED", "").andExpect(status().is3xxRedirection());
        return id;
    }

    String page(CurrentUser viewer, String window) throws Exception {
        return body(mvc.perform(get("/contracts/renewals").param("within", window).with(users.as(viewer.getUsername())))
                .andExpect(status().isOk()));
    }

    static String rows(String html) {
        int from = html.indexOf("id=\"renewal-rows\"");
        return from < 0 ? "" : html.substring(from, html.indexOf("</table>", from));
    }

    ResultActions renew(CurrentUser viewer, long contract) throws Exception {
        return mvc.perform(post("/contracts/{id}/renewal", contract).with(users.as(viewer.getUsername())).with(csrf()));
    }

    static long opportunityOf(ResultActions result) {
        String location = result.andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/opportunities/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theRenewalsAreTheApprovedContractsEndingWithinTheWindowSoonestFirst() throws Exception {
        endingIn("续约-昨天结束", -1);
        endingIn("续约-第29天", 29);
        endingIn("续约-今天结束", 0);
        endingIn("续约-第30天", 30);
        endingIn("续约-第89天", 89);
        endingIn("续约-第90天", 90);
        t.create(withService(t.newContract(rep.getUsername(), customer, "续约-未审批", "1"), 5));
        long terminated = endingIn("续约-已终止", 6);
        t.jdbc().sql("UPDATE contract SET status = 'TERMINATED' WHERE id = ?").param(terminated).update();

        String thirty = rows(page(rep, "DAYS_30"));
        assertThat(thirty).contains("续约-今天结束", "今天结束", "续约-第29天", "29 天后结束")
                .doesNotContain("续约-昨天结束", "续约-第30天", "续约-未审批", "续约-已终止");
        assertThat(thirty.indexOf("续约-今天结束")).isLessThan(thirty.indexOf("续约-第29天"));
        assertThat(rows(page(rep, "DAYS_60"))).contains("续约-第30天").doesNotContain("续约-第89天");
        String ninety = rows(page(rep, "DAYS_90"));
        assertThat(ninety).contains("续约-第89天", "¥4,980.00").doesNotContain("续约-第90天");
        assertThat(ninety.indexOf("续约-第30天")).isLessThan(ninety.indexOf("续约-第89天"));
    }

    @Test
    void aRenewalWindowThatIsNotOfferedShowsThirtyDays() throws Exception {
        endingIn("续约-窗口内", 10);
        endingIn("续约-窗口外", 45);
        String page = page(rep, "DAYS_7");
        assertThat(InstalmentsDueIntegrationTests.element(page, "window-DAYS_30")).contains("btn-primary");
        assertThat(InstalmentsDueIntegrationTests.element(page, "window-DAYS_60")).doesNotContain("btn-primary");
        assertThat(rows(page)).contains("续约-窗口内").doesNotContain("续约-窗口外");
    }

    @Test
    void theRenewalsAreScopedToTheRepsOwnContractsAndTheManagersTeam() throws Exception {
        endingIn("续约-范围", 10);
        CurrentUser colleague = users.newUser("renewal-colleague", Role.REP, manager.getUsername());
        CurrentUser otherManager = users.newManagerOfNewTeam("renewal-other");

        assertThat(rows(page(manager, "DAYS_30"))).contains("续约-范围");
        assertThat(page(colleague, "DAYS_30")).doesNotContain("续约-范围");
        assertThat(page(otherManager, "DAYS_30")).doesNotContain("续约-范围");
        assertThat(page(users.newUser("renewal-admin", Role.ADMIN, null), "DAYS_30")).contains("续约-范围");
    }

    @Test
    void theRenewalOpportunityCarriesTheContractsLinesCustomerAndOwner() throws Exception {
        // 2 × 基础版 at 4,000.00 with 10 % off, 3 × 会话存档 at the catalog's 500.00.
        long contract = approved(withService(post("/customers/{id}/contracts", customer)
                .with(users.as(rep.getUsername())).with(csrf())
                .param("title", "续约-两行").param("status", "IN_PROGRESS").param("type", "DIRECT")
                .param("paymentMethod", "BANK_TRANSFER").param("signDate", "2000-08-01")
                .param("lines[0].productId", String.valueOf(catalog.basicEdition()))
                .param("lines[0].quantity", "2").param("lines[0].unitPrice", "4000").param("lines[0].discount", "10")
                .param("lines[1].productId", String.valueOf(catalog.sessionArchive()))
                .param("lines[1].quantity", "3"), 20));

        // The manager creates it; the owner stays the contract's.
        ResultActions created = renew(manager, contract).andExpect(status().is3xxRedirection());
        assertThat(flashKey(created)).isEqualTo("renewal.created");
        long opportunity = opportunityOf(created);

        Map<String, Object> o = t.jdbc().sql("SELECT customer_id, owner_id, stage, amount, expected_close_date, title "
                + "FROM opportunity WHERE id = ?").param(opportunity).query().singleRow();
        assertThat(o.get("customer_id")).isEqualTo(customer);
        assertThat(o.get("owner_id")).isEqualTo(rep.id());
        assertThat(o.get("stage")).isEqualTo("QUALIFIED");
        assertThat((BigDecimal) o.get("amount")).isEqualByComparingTo("8700.00"); // 7,200 + 1,500
        assertThat(o.get("expected_close_date").toString()).isEqualTo(TODAY.plusDays(20).toString());
        assertThat((String) o.get("title")).contains("续约-两行");
        List<String> lines = t.jdbc().sql("""
                SELECT product_id || ':' || quantity || ':' || unit_price || ':' || discount_percent || ':' || line_total
                FROM opportunity_line WHERE opportunity_id = ? ORDER BY position""")
                .param(opportunity).query(String.class).list();
        assertThat(lines).containsExactly(catalog.basicEdition() + ":2.00:4000.00:10.00:7200.00",
                catalog.sessionArchive() + ":3.00:500.00:0.00:1500.00");

        assertThat(page(rep, "DAYS_30")).contains("id=\"renewal-opportunity-" + contract + "\"",
                "href=\"/opportunities/" + opportunity + "\"").doesNotContain("id=\"renewal-create-" + contract + "\"");
    }

    @Test
    void theRenewalOpportunityIsCreatedOnceUnderADoubleSubmit() throws Exception {
        for (int round = 0; round < 3; round++) {
            long contract = endingIn("续约-双击" + round, 15);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Long> opportunities = new ArrayList<>();
            List<String> flashes = new ArrayList<>();
            try {
                List<Future<ResultActions>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return renew(rep, contract);
                    }));
                }
                start.countDown();
                for (Future<ResultActions> f : results) {
                    opportunities.add(opportunityOf(f.get()));
                    flashes.add(flashKey(f.get()));
                }
            } finally {
                pool.shutdown();
            }
            assertThat(opportunities.get(0)).isEqualTo(opportunities.get(1));
            assertThat(flashes).containsExactlyInAnyOrder("renewal.created", "renewal.exists");
            assertThat(t.jdbc().sql("SELECT count(*) FROM opportunity WHERE customer_id = ? AND title LIKE ?")
                    .params(customer, "%续约-双击" + round + "%").query(Long.class).single()).isEqualTo(1);
            // A later click shows the same one.
            ResultActions again = renew(rep, contract);
            assertThat(opportunityOf(again)).isEqualTo(opportunities.get(0));
            assertThat(flashKey(again)).isEqualTo("renewal.exists");
        }
    }

    @Test
    void aRenewalNeedsAnApprovedContractTheViewerMaySeeAndTheCsrfToken() throws Exception {
        long draft = t.create(withService(t.newContract(rep.getUsername(), customer, "续约-草稿", "1"), 10));
        ResultActions refused = renew(rep, draft).andExpect(status().is3xxRedirection());
        assertThat(flashKey(refused)).isEqualTo("renewal.notApproved");
        long contract = endingIn("续约-他人", 10);
        CurrentUser stranger = users.newManagerOfNewTeam("renewal-stranger");
        renew(stranger, contract).andExpect(status().isNotFound());
        mvc.perform(post("/contracts/{id}/renewal", contract).with(users.as(rep.getUsername())))
                .andExpect(status().isForbidden());
        assertThat(t.jdbc().sql("SELECT count(*) FROM contract_renewal WHERE contract_id IN (?, ?)")
                .params(draft, contract).query(Long.class).single()).isZero();
    }
}
