package io.tidecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep signs in through the real sign-in page, sees the home page in Chinese and switches to English. */
@BrowserTest
class SignInBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

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
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String setCookie = String.join("\n", response.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void repSignsInSeesChineseHomeAndSwitchesToEnglish() {
        try (BrowserContext context = browser.newContext(390, 844)) {
            Page page = context.newPage();
            List<String> consoleErrors = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text());
                }
            });

            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            assertThat(page.locator("h1")).hasText("登录");

            page.getByLabel("用户名").fill("rep1");
            page.getByLabel("密码").fill(TestUsers.DEMO_PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();

            assertThat(page.locator("#welcome")).hasText("欢迎，张伟");
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");

            // On a phone the navigation is collapsed behind the toggler (Bootstrap's script must have run).
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            page.locator(".navbar-toggler").click();
            assertThat(page.locator("#langMenu")).isVisible();
            page.locator("#langMenu").click();
            assertThat(page.locator("#lang-en")).isVisible();
            page.locator("#lang-en").click();

            assertThat(page.locator("#welcome")).hasText("Welcome, 张伟");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-en.png"))
                    .setFullPage(true));

            // The choice sticks for the next page.
            page.navigate("http://localhost:" + port + "/catalog/products");
            assertThat(page.locator("h1")).hasText("Product catalog");

            assertThat(consoleErrors).as("console errors, e.g. Content-Security-Policy violations").isEmpty();

            // A missing page shows the 404 page of the shell, not a stack trace.
            page.navigate("http://localhost:" + port + "/no-such-page");
            assertThat(page.locator(".lead")).hasText("Not found");
        }
    }
}
