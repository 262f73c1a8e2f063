package io.tidecrm.pool;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep releases a customer into the pool; a rep of another team grabs it from the pool page. */
@BrowserTest
class PoolBrowserTests {

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void aRepReleasesACustomerAndAnotherGrabsItFromThePool(Browser browser) {
        String name = CustomerFixtures.uniqueName("公海浏览器");
        long id = fixtures.insert(name, "B", "INTENT", fixtures.userId("rep1"));

        Page releasing = browser.signedIn("rep1", 1280, 900);
        releasing.navigate(browser.url("/customers/" + id));
        releasing.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("放入公海")).click();
        releasing.locator("#reason").selectOption("NO_NEED");
        releasing.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("放入公海")).click();
        assertThat(releasing.locator("#flash")).containsText("已放入客户公海");

        Page page = browser.signedIn("rep3", 390, 844);
        page.navigate(browser.url("/pool"));
        assertThat(page.locator("#pool-" + id)).containsText("客户暂无需求");
        assertThat(page.locator("#pool-" + id)).containsText("张伟");
        browser.screenshot(page, "pool");
        page.locator("#pool-" + id).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("抢客户")).click();
        assertThat(page.locator("#flash")).containsText("抢到了");
        assertThat(page.locator("#customer-name")).hasText(name);
        assertThat(page.locator("#facts")).containsText("刘洋");

        page.navigate(browser.url("/pool?lang=en"));
        assertThat(page.locator("h1")).hasText("Public pool");
    }
}
