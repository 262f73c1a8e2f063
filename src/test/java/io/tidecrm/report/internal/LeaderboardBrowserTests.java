package io.tidecrm.report.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leaderboard in a browser, as a rep and as a manager: switching day, week and month, in
 * Chinese and English, on a phone and a desktop, with the viewer's row pinned and a figure that
 * opens its records. Screenshots go to {@code target/screenshots/leaderboard-*}.
 */
@BrowserTest
class LeaderboardBrowserTests {

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Deliveries deliveries;

    @Autowired
    CustomerFixtures customers;

    @Test
    void aRepAndAManagerSwitchDayWeekAndMonthInBothLanguagesOnPhoneAndDesktop(Browser browser) {
        CurrentUser rep1 = users.principal("rep1");
        LocalDate today = LocalDate.now(clock);
        LedgerFixtures facts = new LedgerFixtures(publisher, tx, deliveries);
        long customer = customers.insert(CustomerFixtures.uniqueName("大榜客户"), "A", "INTENT", rep1.id());
        facts.payment(rep1, rep1.teamId(), today, "8800.00", customer);
        facts.payment(users.principal("rep2"), rep1.teamId(), today.withDayOfMonth(1), "100.00", 1);

        for (String user : List.of("rep1", "manager1")) {
            for (int width : new int[] { 360, 1366 }) {
                Page page = browser.signedIn(user, width, width == 360 ? 740 : 900);
                for (String lang : List.of("zh_CN", "en")) {
                    boolean zh = lang.startsWith("zh");
                    page.navigate(browser.url("/leaderboard?lang=" + lang));
                    assertThat(page.locator("h1")).hasText(zh ? "数据大榜" : "Leaderboard");
                    assertThat(page.locator("#live-badge")).hasText(zh ? "今日实时" : "Today, live");
                    assertThat(page.locator("#rank-" + rep1.id())).containsText("¥8,800.00");

                    page.locator("#period-WEEK").click();
                    assertThat(page.locator("#period-WEEK")).hasClass(java.util.regex.Pattern.compile("active"));
                    assertThat(page.locator("#rank-" + rep1.id())).containsText("¥8,800.00");

                    page.locator("#period-MONTH").click();
                    assertThat(page.locator("#period-MONTH")).hasClass(java.util.regex.Pattern.compile("active"));
                    if (user.equals("rep1")) {
                        assertThat(page.locator("#my-rank")).containsText(zh ? "我的排名" : "My rank");
                    }
                    browser.screenshot(page, "leaderboard-" + user + "-" + lang + "-" + width);

                    page.locator("#period-DAY").click();
                    page.locator("#rank-" + rep1.id() + " a.figure").click();
                    assertThat(page.locator("#facts")).containsText("¥8,800.00");
                }
                page.context().close();
            }
        }
    }
}
