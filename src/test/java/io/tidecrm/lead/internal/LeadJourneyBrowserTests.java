package io.tidecrm.lead.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole path of a lead in the browser: a visitor sends the website form; the 09:00 run gives
 * the lead to the rep of its region; the rep confirms it, records a follow-up and converts it; the
 * customer page shows the lead's follow-up, marked as from the lead. In Chinese and in English, on a phone.
 */
@BrowserTest
class LeadJourneyBrowserTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    LeadJobs jobs;

    @Autowired
    JdbcClient jdbc;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @ParameterizedTest
    @CsvSource({ "zh_CN, 2031-04-07, 已确认可联系。", "en, 2031-04-08, Marked contactable." })
    void aWebsiteLeadIsAssignedAt0900ConfirmedConvertedAndItsHistoryShowsOnTheCustomer(String lang, String day,
            String confirmedFlash, Browser browser) {
        LeadTestData data = new LeadTestData(jdbc, (Clock) clock);
        String region = LeadTestData.unique("华东旅程");
        CurrentUser manager = users.newManagerOfNewTeam("旅程");
        CurrentUser rep = users.newUser("旅程员", Role.REP, manager.getUsername());
        data.rule(1, region, null, RuleTarget.USER, rep.id(), null);
        String company = CustomerFixtures.uniqueName("官网旅程");
        try {
            clock.setInstant(at(day + "T08:20"));
            Page visitor = browser.open(Browser.PHONE_WIDTH, 844);
            visitor.navigate(browser.url("/public/leads?lang=" + lang));
            visitor.locator("#companyName").fill(company);
            visitor.locator("#contactName").fill("韩梅");
            visitor.locator("#mobile").fill("13511112222");
            visitor.locator("#region").fill(region);
            visitor.locator("#purchaseIntent").fill("想要一套线索管理系统");
            visitor.locator("#submit-public-lead").click();
            assertThat(visitor.locator("#public-thanks")).isVisible();

            clock.setInstant(at(day + "T09:00"));
            assertThat(jobs.runDaily(at(day + "T09:00:01"), false).status()).isEqualTo("DONE");
            clock.setInstant(at(day + "T09:10"));

            Page page = browser.signedIn(rep.getUsername(), Browser.PHONE_WIDTH, 844);
            page.navigate(browser.url("/?lang=" + lang));
            page.navigate(browser.url("/leads"));
            page.locator("#leads a", new Page.LocatorOptions().setHasText(company)).first().click();
            assertThat(page).hasURL(Pattern.compile(".*/leads/\\d+$"));
            long id = Long.parseLong(page.url().replaceAll(".*/", ""));
            assertThat(page.locator("#lead-owner")).hasText(rep.displayName());
            page.locator("#confirm-lead").click();
            assertThat(page.locator("#flash")).containsText(confirmedFlash);
            page.locator("#lead-follow-up-form textarea[name='content']").fill("电话确认需求：十人团队，下月采购");
            page.locator("#save-lead-follow-up").click();
            assertThat(page.locator("#lead-follow-ups")).containsText("十人团队");
            browser.screenshot(page, "lead-" + lang + "-390");
            page.locator("#convert-lead").click();
            page.locator("#save-conversion").click();
            assertThat(page).hasURL(Pattern.compile(".*/customers/\\d+$"));
            assertThat(page.locator("main")).containsText("电话确认需求：十人团队，下月采购");
            assertThat(page.locator("main")).containsText("线索：" + company);
            browser.screenshot(page, "lead-customer-" + lang + "-390");

            assertThat(data.status(id)).isEqualTo("CONVERTED");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            data.deleteTestRules();
        }
    }
}
