package io.tidecrm.pool;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep releases a customer into the pool; a rep of another team grabs it from the pool page. */
@BrowserTest
class PoolBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CustomerFixtures fixtures;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aRepReleasesACustomerAndAnotherGrabsItFromThePool() {
        String name = CustomerFixtures.uniqueName("公海浏览器");
        long id = fixtures.insert(name, "B", "INTENT", fixtures.userId("rep1"));
        try (BrowserContext releasing = browser.newContext(1280, 900)) {
            Page page = signIn(releasing, "rep1");
            page.navigate(url("/customers/" + id));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("放入公海")).click();
            page.locator("#reason").selectOption("NO_NEED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("放入公海")).click();
            assertThat(page.locator("#flash")).containsText("已放入客户公海");
        }
        try (BrowserContext grabbing = browser.newContext(390, 844)) {
            Page page = signIn(grabbing, "rep3");
            page.navigate(url("/pool"));
            assertThat(page.locator("#pool-" + id)).containsText("客户暂无需求");
            assertThat(page.locator("#pool-" + id)).containsText("张伟");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/pool.png")).setFullPage(true));
            page.locator("#pool-" + id).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("抢客户")).click();
            assertThat(page.locator("#flash")).containsText("抢到了");
            assertThat(page.locator("#customer-name")).hasText(name);
            assertThat(page.locator("#facts")).containsText("刘洋");

            page.navigate(url("/pool?lang=en"));
            assertThat(page.locator("h1")).hasText("Public pool");
        }
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        Browser.signIn(page, url(""), username);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
