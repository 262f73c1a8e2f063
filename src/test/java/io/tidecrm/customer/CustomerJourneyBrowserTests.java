package io.tidecrm.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep's day in the browser: create a customer, add a contact, write a follow-up from the
 * customer page (htmx, without leaving it), see it on the timeline and the customer on the
 * to-do page.
 */
@BrowserTest
class CustomerJourneyBrowserTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MutableClock clock;

    @BeforeEach
    void tenInTheMorning() {
        clock.setInstant(LocalDate.now(ZONE).atTime(10, 0).atZone(ZONE).toInstant());
    }

    @Test
    void repCreatesACustomerAddsAContactWritesAFollowUpAndSeesItOnTheTimelineAndToDoPage(Browser browser) {
        String name = CustomerFixtures.uniqueName("浏览器");
        Page page = browser.signedIn("rep2", 1280, 900);

        page.navigate(browser.url("/customers/new"));
        page.getByLabel("公司全称").fill(name);
        page.locator("#type").selectOption("A");
        page.locator("#source").selectOption("GITHUB");
        page.getByLabel("标签").fill("高意向");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#customer-name")).hasText(name);
        assertThat(page.locator("#flash")).containsText("已创建客户");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("添加联系人")).click();
        page.getByLabel("姓名").fill("周经理");
        page.getByLabel("手机").fill("13800138000");
        page.getByLabel("首要联系人").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(page.locator("#contacts")).containsText("周经理");

        String pageUrl = page.url();
        page.locator("#followup-form #kind").selectOption("VISIT");
        page.locator("#followup-form #contactId").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("周经理"));
        page.locator("#followup-form #content").fill("上门拜访，演示句客宝基础版");
        page.locator("#followup-form #newStatus").selectOption("INTENT");
        page.locator("#followup-form #nextFollowUpAt").fill(LocalDate.now(ZONE) + "T16:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存跟进记录")).click();

        assertThat(page.locator("#followup-saved")).isVisible();
        assertThat(page.locator("#timeline")).containsText("上门拜访，演示句客宝基础版");
        assertThat(page.locator("#timeline")).containsText("周经理");
        assertThat(page.locator("#followup-form #content")).hasValue("");
        // The header facts follow: the new status came with the follow-up.
        assertThat(page.locator("#fact-status")).hasText("意向");
        // ... and so does the status badge of the page's header, without a reload.
        assertThat(page.locator("#status-badge")).hasText("意向");
        // htmx replaced the panel in place: the page did not navigate.
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(pageUrl);
        browser.screenshot(page, "customer-detail");

        page.navigate(browser.url("/todo"));
        assertThat(page.locator("#todo-due")).containsText(name);
        assertThat(page.locator("#todo-due")).containsText("16:30");

        page.navigate(browser.url("/customers?tag=%E9%AB%98%E6%84%8F%E5%90%91"));
        assertThat(page.locator("#customers")).containsText(name);
        assertThat(page.locator("#customers")).containsText("意向");
        browser.screenshot(page, "customer-list");
    }
}
