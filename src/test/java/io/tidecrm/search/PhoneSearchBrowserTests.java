package io.tidecrm.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rep's day on a phone (390 × 844), in Chinese and in English: find a customer with the
 * navbar's search (keyboard: type, arrow down, Enter), tap 写跟进, save a follow-up without a next
 * time, and the next follow-up scheduled before is still there.
 */
@BrowserTest
class PhoneSearchBrowserTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MutableClock clock;

    @Autowired
    CustomerFixtures fixtures;

    @BeforeEach
    void tenInTheMorning() {
        clock.setInstant(LocalDate.now(ZONE).atTime(10, 0).atZone(ZONE).toInstant());
    }

    @ParameterizedTest
    @CsvSource({
            "zh-CN, 写跟进, 保存跟进记录, 留空则保留已安排的下次跟进",
            "en, Write follow-up, Save follow-up, the scheduled next follow-up stays" })
    void repFindsACustomerWritesAFollowUpWithoutANextTimeAndTheScheduledOneStays(String lang, String writeButton,
            String saveButton, String keepsText, Browser browser) {
        String tag = "手机" + (System.nanoTime() % 1_000_000_000L);
        String name = "潮汐" + tag + "贸易有限公司";
        long customer = fixtures.insert(name, "B", "INTENT", fixtures.userId("rep1"));
        LocalDateTime scheduled = LocalDate.now(ZONE).plusDays(2).atTime(15, 30);
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = ? WHERE id = ?")
                .params(Timestamp.from(scheduled.atZone(ZONE).toInstant()), customer).update();

        Page page = browser.signedIn("rep1", Browser.PHONE_WIDTH, 844);
        page.navigate(browser.url("/?lang=" + lang));

        // The search box is outside the collapsed menu: reachable at once on a phone.
        assertThat(page.locator("#nav-search-q")).isVisible();
        page.locator("#nav-search-q").click();
        page.locator("#nav-search-q").pressSequentially(tag);
        assertThat(page.locator("#nav-search-live .search-hit").first()).containsText(name);
        page.locator("#nav-search-q").press("ArrowDown");
        assertThat(page.locator("#nav-search-live .search-hit").first()).isFocused();
        browser.screenshot(page, "phone-search-live-" + lang);
        page.keyboard().press("Enter");
        page.waitForURL("**/customers/" + customer);
        assertThat(page.locator("#customer-name")).hasText(name);

        page.locator("#write-follow-up").click();
        assertThat(page.locator("#write-follow-up")).hasText(writeButton);
        assertThat(page.locator("#followup-form #content")).isInViewport();
        assertThat(page.locator("#scheduled-next")).containsText(keepsText);
        assertThat(page.locator("#scheduled-next")).containsText("15:30");
        page.locator("#followup-form #content").fill("电话沟通，客户在比价 " + lang);
        page.locator("#followup-form").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(saveButton)).click();

        assertThat(page.locator("#followup-saved")).isVisible();
        assertThat(page.locator("#timeline")).containsText("电话沟通，客户在比价 " + lang);
        assertThat(page.locator("#scheduled-next")).containsText("15:30");
        assertThat(page.locator("#facts")).containsText("15:30");
        org.assertj.core.api.Assertions.assertThat(fixtures.jdbc()
                .sql("SELECT next_follow_up_at FROM customer WHERE id = ?").param(customer)
                .query(Timestamp.class).single().toInstant()).isEqualTo(scheduled.atZone(ZONE).toInstant());
        // No sideways scrolling on the phone.
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        browser.screenshot(page, "phone-follow-up-" + lang);
        org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).isEmpty();
    }
}
