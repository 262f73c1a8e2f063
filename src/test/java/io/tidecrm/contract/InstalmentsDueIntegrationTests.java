package io.tidecrm.contract;

import static io.tidecrm.contract.ContractTestSupport.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The instalments still to be received (待回款): unpaid instalments of approved contracts due within
 * a window, the overdue ones first, in the viewer's scope; and the rep's home item that counts the
 * week's.
 */
@IntegrationTest
class InstalmentsDueIntegrationTests {

    static final LocalDate TODAY = LocalDate.parse("2001-07-16");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    ContractTestSupport t;
    CurrentUser manager;
    CurrentUser rep;
    long contract;

    @BeforeEach
    void setUp() throws Exception {
        t = new ContractTestSupport(mvc, users, fixtures);
        clock.setInstant(Instant.parse("2001-07-16T04:00:00Z")); // 12:00 in Shanghai
        manager = users.newManagerOfNewTeam("待回款组");
        rep = users.newUser("待回款销售", Role.REP, manager.getUsername());
        long customer = fixtures.insert(CustomerFixtures.uniqueName("待回款"), "B", "INTENT", rep.id());
        contract = t.create(t.newContract(rep.getUsername(), customer, "待回款合同", "10")); // 49,800.00
        for (int days : new int[] { -3, 0, 2, 5, 20, 60, 120 }) {
            t.addInstalment(rep.getUsername(), contract, TODAY.plusDays(days).toString(), "1000")
                    .andExpect(status().is3xxRedirection());
        }
        t.submit(rep.getUsername(), contract);
        t.decide(manager.getUsername(), contract, "APPROVED", "").andExpect(status().is3xxRedirection());
        // Paid in full: nothing to chase. Paid in part: the rest is.
        t.pay(rep.getUsername(), contract, "1000", t.instalment(contract, TODAY.plusDays(2).toString()))
                .andExpect(status().is3xxRedirection());
        t.pay(rep.getUsername(), contract, "400", t.instalment(contract, TODAY.plusDays(5).toString()))
                .andExpect(status().is3xxRedirection());
        // A contract not approved yet has no instalments due.
        long draft = t.create(t.newContract(rep.getUsername(), customer, "未审批合同", "1"));
        t.addInstalment(rep.getUsername(), draft, TODAY.plusDays(1).toString(), "100")
                .andExpect(status().is3xxRedirection());
    }

    String due(CurrentUser viewer, String window) throws Exception {
        return body(mvc.perform(get("/contracts/due").param("within", window).with(users.as(viewer.getUsername())))
                .andExpect(status().isOk()));
    }

    static String rows(String html) {
        int from = html.indexOf("id=\"due-rows\"");
        return from < 0 ? "" : html.substring(from, html.indexOf("</table>", from));
    }

    /** The start tag of the element with this id and its text, up to its first child or end tag. */
    static String element(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.lastIndexOf('<', at);
        return html.substring(start, html.indexOf("</", at)).strip();
    }

    @Test
    void theInstalmentsDueAreTheUnpaidOnesOfApprovedContractsWithinTheWindowOverdueFirst() throws Exception {
        String week = rows(due(rep, "DAYS_7"));
        assertThat(week).contains("逾期 3 天", "今天到期", "5 天后到期", "¥600.00")
                .doesNotContain("2 天后到期", "20 天后到期", "未审批合同");
        assertThat(week.indexOf("逾期 3 天")).isLessThan(week.indexOf("今天到期"));
        assertThat(week.indexOf("今天到期")).isLessThan(week.indexOf("5 天后到期"));
        String weekPage = due(rep, "DAYS_7");
        assertThat(element(weekPage, "due-count")).contains("data-count=\"3\"");
        assertThat(element(weekPage, "due-overdue-count")).contains("text-danger").endsWith(">1");
        assertThat(rows(due(rep, "DAYS_30"))).contains("20 天后到期").doesNotContain("60 天后到期");
        assertThat(rows(due(rep, "DAYS_90"))).contains("60 天后到期").doesNotContain("120 天后到期");
    }

    @Test
    void aWindowThatIsNotOfferedShowsThirtyDays() throws Exception {
        String page = due(rep, "DAYS_9999");
        assertThat(element(page, "window-DAYS_30")).contains("btn-primary");
        assertThat(element(page, "window-DAYS_7")).doesNotContain("btn-primary");
        assertThat(rows(page)).contains("20 天后到期").doesNotContain("60 天后到期");
    }

    @Test
    void theInstalmentsDueAreScopedToTheRepsOwnContractsAndTheManagersTeam() throws Exception {
        CurrentUser colleague = users.newUser("待回款同事", Role.REP, manager.getUsername());
        CurrentUser otherManager = users.newManagerOfNewTeam("待回款他组");

        assertThat(rows(due(manager, "DAYS_90"))).contains("待回款合同");
        assertThat(due(colleague, "DAYS_90")).doesNotContain("待回款合同").contains("id=\"due-empty\"");
        assertThat(due(otherManager, "DAYS_90")).doesNotContain("待回款合同");
    }

    @Test
    void aRepsHomeCountsTheInstalmentsDueThisWeekAndLinksToThem() throws Exception {
        String home = body(mvc.perform(get("/").with(users.as(rep.getUsername()))).andExpect(status().isOk()));
        int at = home.indexOf("id=\"home-instalments-due\"");
        assertThat(at).isPositive();
        String card = home.substring(at, home.indexOf("</a>", at));
        // Overdue 1,000 + today's 1,000 + the rest of the half-paid 600.
        assertThat(card).contains("href=\"/contracts/due?within=DAYS_7\"", ">3<", "¥2,600.00");
        assertThat(body(mvc.perform(get("/").with(users.as(manager.getUsername()))).andExpect(status().isOk())))
                .doesNotContain("home-instalments-due");
    }
}
