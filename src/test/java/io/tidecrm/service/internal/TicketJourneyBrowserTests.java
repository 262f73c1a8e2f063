package io.tidecrm.service.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole path of a complaint in the browser: a rep records it from the customer page; the
 * clock moves past its due time and the alert run escalates it; the manager sees the escalation
 * in the inbox and the overdue list and reassigns it; the new owner resolves it and closes it with
 * the customer's satisfaction. In Chinese and in English, on a phone.
 */
@BrowserTest
class TicketJourneyBrowserTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    TicketAlerts alerts;

    @Autowired
    Deliveries deliveries;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @ParameterizedTest
    @CsvSource({ "zh_CN, 工单已关闭。, 已关闭, 升级", "en, Ticket closed., Closed, Escalation" })
    void repRecordsAComplaintManagerReassignsTheEscalationNewOwnerResolvesAndCloses(String lang, String closedFlash,
            String closedStatus, String escalationWord, Browser browser) {
        CurrentUser rep = users.newUser("svc-journey", Role.REP, "rep1");
        CurrentUser next = users.newUser("svc-next", Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("投诉演示"), "B", "INTENT", rep.id());
        String title = "客服回复太慢 " + lang;
        clock.setInstant(at("2031-03-03T10:00"));

        Page page = browser.signedIn(rep.getUsername(), Browser.PHONE_WIDTH, 844);
        page.navigate(browser.url("/?lang=" + lang));
        page.navigate(browser.url("/customers/" + customer));
        page.locator("#new-complaint").click();
        page.locator("#title").fill(title);
        page.locator("#description").fill("客户反映三天没人回复");
        page.locator("#save-ticket").click();
        assertThat(page).hasURL(Pattern.compile(".*/tickets/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        assertThat(page.locator("#ticket-owner")).hasText(rep.displayName());

        // Thursday 10:00 was the due time (3 working days); Friday's run escalates it.
        // (Each language's run stands for its own scheduled time: a run of a time that is done is not repeated.)
        Instant friday = at(lang.equals("en") ? "2031-03-07T10:40" : "2031-03-07T10:30");
        clock.setInstant(friday);
        alerts.run(friday, false);
        deliveries.awaitAll();

        Page manager = browser.signedIn("manager1", Browser.PHONE_WIDTH, 844);
        manager.navigate(browser.url("/?lang=" + lang));
        manager.navigate(browser.url("/notifications"));
        assertThat(manager.locator("main")).containsText(escalationWord);
        assertThat(manager.locator("main")).containsText(title);
        manager.navigate(browser.url("/tickets?view=OVERDUE"));
        manager.locator("#ticket-" + id + " a").first().click();
        assertThat(manager).hasURL(Pattern.compile(".*/tickets/" + id + "$"));
        manager.locator("#ownerId").selectOption(String.valueOf(next.id()));
        manager.locator("#assign-form input[name='reason']").fill("原负责人请假");
        manager.locator("#assign-ticket").click();
        assertThat(manager.locator("#ticket-owner")).hasText(next.displayName());

        Page owner = browser.signedIn(next.getUsername(), Browser.PHONE_WIDTH, 844);
        owner.navigate(browser.url("/?lang=" + lang));
        owner.navigate(browser.url("/tickets"));
        owner.locator("#ticket-" + id + " a").first().click();
        owner.locator("#resolution").fill("已向客户致歉并处理");
        owner.locator("#resolve-ticket").click();
        owner.locator("#satisfaction").selectOption("5");
        owner.locator("#close-ticket").click();
        assertThat(owner.locator("#flash")).containsText(closedFlash);
        assertThat(owner.locator("#ticket-status")).hasText(closedStatus);
        browser.screenshot(owner, "ticket-closed-" + lang + "-390");

        assertThat(fixtures.jdbc().sql("SELECT owner_id FROM service_ticket WHERE id = ?").param(id).query(Long.class)
                .single()).isEqualTo(next.id());
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
